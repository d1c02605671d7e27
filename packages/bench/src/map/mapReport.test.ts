import type { HarnessBuild } from './buildHarness.ts';
import type { MapRun } from './measureMap.ts';
import { bundleTable, median, timingTable } from './mapReport.ts';

const run = (fcp: number): MapRun => ({
  fcp,
  mapPainted: fcp + 200,
  interactive: fcp + 250,
  searchMs: 40,
  longTaskMs: 300,
  longTasks: 3,
  jsFiles: 40,
  jsTransferred: 1000,
  jsDecoded: 4000,
  expandMs: 90,
  tilesAfterExpand: 30,
});

const build = (
  files: Record<string, number>,
  plugin: Record<string, number>,
): HarnessBuild => ({
  dir: '/x',
  entry: 'app.js',
  js: Object.entries(files).map(([file, bytes]) => ({
    file,
    bytes,
    gzip: bytes / 4,
  })),
  initial: ['app.js'],
  pluginBytes: plugin,
  buildMs: 1,
});

describe('mapReport', () => {
  it('takes the median of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('judges first paint and map paint against 1.5 s', () => {
    const table = timingTable([run(1400), run(1000), run(1600)]);
    expect(table).toContain(
      '| first contentful paint | 1,400 ms (under 1.5 s) | 1,000 ms | 1,600 ms |',
    );
    expect(table).toContain(
      '| map painted (first OU box on screen) | 1,600 ms (over 1.5 s)',
    );
    expect(table).toContain('30 tiles in the DOM');
  });

  it('says what the plugin adds, in all and on every page', () => {
    const without = build({ 'app.js': 1024, 'c.js': 1024 }, {});
    const withPlugin = build(
      { 'app.js': 3072, 'c.js': 1024, 'm.js': 2048 },
      { 'app.js': 2048, 'm.js': 2048 },
    );
    const definition = build(
      { 'app.js': 1536, 'c.js': 1024, 'm.js': 3584 },
      { 'app.js': 512, 'm.js': 3584 },
    );
    const table = bundleTable({
      withPlugin,
      definition,
      without,
      loaded: { files: 2, transferred: 1024, decoded: 4096 },
    });
    expect(table).toContain(
      '| every script of the app | 2.0 KB (0.5 KB gzip) | +4.0 KB (+1.0 KB gzip) | +4.0 KB (+1.0 KB gzip) |',
    );
    expect(table).toContain(
      '| loaded by every page (entry and its static imports) | 1.0 KB (0.3 KB gzip) | +2.0 KB (+0.5 KB gzip) | +0.5 KB (+0.1 KB gzip) |',
    );
    expect(table).toContain('| | 4.0 KB / 2.0 KB | 4.0 KB / 0.5 KB |');
  });
});
