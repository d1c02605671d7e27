/**
 * The map benchmark's tables: load timings (median, min and max over the
 * cold runs) judged against the 1.5 s first-paint target, and what the
 * plugin adds to the JavaScript.
 */
import type { HarnessBuild } from './buildHarness.ts';
import type { MapRun } from './measureMap.ts';

/** First paint target of the issue. */
export const FIRST_PAINT_TARGET_MS = 1500;

/** Median of a non-empty list. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const ms = (n: number) => `${Math.round(n).toLocaleString('en-US')} ms`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The timings table. */
export function timingTable(runs: MapRun[]): string {
  const row = (label: string, pick: (run: MapRun) => number, judge = false) => {
    const values = runs.map(pick).filter(v => !Number.isNaN(v));
    if (values.length === 0) return `| ${label} | — | — | — |`;
    const m = median(values);
    let verdict = '';
    if (judge) {
      verdict = m < FIRST_PAINT_TARGET_MS ? ' (under 1.5 s)' : ' (over 1.5 s)';
    }
    return `| ${label} | ${ms(m)}${verdict} | ${ms(Math.min(...values))} | ${ms(
      Math.max(...values),
    )} |`;
  };
  return [
    `| measure (${runs.length} cold loads) | median | min | max |`,
    '| --- | --- | --- | --- |',
    row('first contentful paint', r => r.fcp, true),
    row('map painted (first OU box on screen)', r => r.mapPainted, true),
    row(
      'interactive (a search typed at once has filtered the map, painted)',
      r => r.interactive,
    ),
    row('search response (key press to painted result)', r => r.searchMs),
    row('long tasks until interactive (sum)', r => r.longTaskMs),
    row(
      `open the large OU (click to its tiles in view painted, ${median(
        runs.map(r => r.tilesAfterExpand),
      )} tiles in the DOM)`,
      r => r.expandMs,
    ),
  ].join('\n');
}

/** The bundle table: with and without the plugin, and the plugin's own bytes. */
export function bundleTable(input: {
  /** The plugin imported as the portal's app does (its package index). */
  withPlugin: HarnessBuild;
  /** Only its plugin object imported. */
  definition: HarnessBuild;
  without: HarnessBuild;
  loaded: { files: number; transferred: number; decoded: number };
}): string {
  const { withPlugin, definition, without, loaded } = input;
  const sum = (build: HarnessBuild, initialOnly = false) =>
    build.js
      .filter(f => !initialOnly || build.initial.includes(f.file))
      .reduce(
        (acc, f) => ({ bytes: acc.bytes + f.bytes, gzip: acc.gzip + f.gzip }),
        { bytes: 0, gzip: 0 },
      );
  const own = (build: HarnessBuild, initialOnly = false) =>
    Object.entries(build.pluginBytes)
      .filter(([file]) => !initialOnly || build.initial.includes(file))
      .reduce((acc, [, bytes]) => acc + bytes, 0);
  const added = (build: HarnessBuild, initialOnly: boolean) => {
    const a = sum(build, initialOnly);
    const b = sum(without, initialOnly);
    return `+${kb(a.bytes - b.bytes)} (+${kb(a.gzip - b.gzip)} gzip)`;
  };
  const base = (initialOnly: boolean) => {
    const b = sum(without, initialOnly);
    return `${kb(b.bytes)} (${kb(b.gzip)} gzip)`;
  };
  return [
    '| JavaScript, minified | app without the plugin | plugin imported as the app does (package index) | plugin object only (src/plugin.tsx) |',
    '| --- | --- | --- | --- |',
    `| every script of the app | ${base(false)} | ${added(
      withPlugin,
      false,
    )} | ${added(definition, false)} |`,
    `| loaded by every page (entry and its static imports) | ${base(
      true,
    )} | ${added(withPlugin, true)} | ${added(definition, true)} |`,
    `| the plugin's own sources in it (esbuild metafile), all / on every page | | ${kb(
      own(withPlugin),
    )} / ${kb(own(withPlugin, true))} | ${kb(own(definition))} / ${kb(
      own(definition, true),
    )} |`,
    `| scripts loaded by opening the account map (median) | | ${
      loaded.files
    } scripts, ${kb(loaded.decoded)} (${kb(
      loaded.transferred,
    )} transferred gzip) | |`,
  ].join('\n');
}
