/**
 * Loads the account map in headless Chromium (the machine's own, never a
 * downloaded one) and times it with the browser's clocks, all relative to
 * the navigation start:
 *
 * - first contentful paint: the Paint Timing API's `first-contentful-paint`;
 * - map painted: the first frame after the map's first OU box is in the DOM;
 * - interactive: a search typed as soon as the map is in the DOM (queued as
 *   a task, so it waits behind whatever still holds the main thread, like a
 *   real key press) has filtered the map, and that frame is painted;
 * - search response: from that key press to the painted result;
 * - long tasks: the Long Tasks API's tasks over 50 ms until interactive;
 * - then, opened by a click, the large OU painted with its tiles in view.
 */
import { chromium } from 'playwright-core';

/** One cold load of the map. */
export type MapRun = {
  fcp: number;
  mapPainted: number;
  interactive: number;
  searchMs: number;
  longTaskMs: number;
  longTasks: number;
  jsFiles: number;
  jsTransferred: number;
  jsDecoded: number;
  expandMs: number;
  /** Tiles in the DOM once the large OU is open (those in view, for a large map). */
  tilesAfterExpand: number;
};

// Runs in the page before any of its scripts. Plain JavaScript: it is
// injected as a string.
const INSTRUMENT = (query: string, matches: number) => `(() => {
  const bench = (window.__mapBench = { done: false, longTasks: [] });
  try {
    new PerformanceObserver(list => {
      for (const e of list.getEntries()) bench.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const afterPaint = done => requestAnimationFrame(() => setTimeout(done, 0));
  const tiles = () => document.querySelectorAll('[data-account-ref]').length;
  const typeSearch = () => {
    const input = document.querySelector('input[type="search"]');
    if (!input) { bench.error = 'no search box'; bench.done = true; return; }
    bench.typedAt = performance.now();
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    setValue.call(input, ${JSON.stringify(query)});
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const filtered = () =>
      tiles() === ${matches} &&
      [...document.querySelectorAll('[role="status"]')].some(e => e.textContent.startsWith('Showing'));
    const finish = () => afterPaint(() => { bench.interactive = performance.now(); bench.done = true; });
    if (filtered()) { finish(); return; }
    const observer = new MutationObserver(() => {
      if (filtered()) { observer.disconnect(); finish(); }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  };
  const watch = new MutationObserver(() => {
    if (bench.mapInDom || !document.querySelector('[data-ou]')) return;
    watch.disconnect();
    bench.mapInDom = performance.now();
    afterPaint(() => { bench.mapPainted = performance.now(); });
    setTimeout(typeSearch, 0);
  });
  watch.observe(document, { childList: true, subtree: true });
})();`;

/** Loads `url` cold `runs` times and measures each load. */
export async function measureMap(options: {
  url: string;
  runs: number;
  query: string;
  /** Tiles the query leaves. */
  matches: number;
  /** Tiles on the map before the large OU is opened. */
  shownBefore: number;
  chromiumPath: string;
  log(message: string): void;
}): Promise<MapRun[]> {
  const browser = await chromium.launch({
    executablePath: options.chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const runs: MapRun[] = [];
  try {
    for (let i = 0; i < options.runs; i++) {
      // A new context per run: an empty cache, like a first visit.
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
      });
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', error => errors.push(error.message));
        await page.addInitScript({
          content: INSTRUMENT(options.query, options.matches),
        });
        await page.goto(options.url, { waitUntil: 'commit' });
        try {
          await page.waitForFunction(
            () => (window as any).__mapBench?.done === true,
            undefined,
            { timeout: 60_000, polling: 100 },
          );
        } catch (error) {
          const text = await page
            .evaluate(() => document.body.innerText.slice(0, 300))
            .catch(() => '');
          throw new Error(
            `run ${i + 1}: the map did not become interactive in 60 s (${
              (error as Error).message.split('\n')[0]
            }); page errors: ${
              errors.slice(0, 3).join(' | ') || 'none'
            }; page text: ${text.replace(/\s+/g, ' ')}`,
          );
        }
        const load = await page.evaluate(() => {
          const bench = (window as any).__mapBench;
          const fcp = performance.getEntriesByName('first-contentful-paint')[0];
          const js = (
            performance.getEntriesByType(
              'resource',
            ) as PerformanceResourceTiming[]
          ).filter(e => e.name.endsWith('.js'));
          const until = bench.interactive;
          const long = (bench.longTasks as [number, number][]).filter(
            ([start]) => start < until,
          );
          return {
            error: bench.error as string | undefined,
            fcp: fcp ? fcp.startTime : NaN,
            mapPainted: bench.mapPainted as number,
            interactive: bench.interactive as number,
            searchMs: (bench.interactive - bench.typedAt) as number,
            longTaskMs: long.reduce((sum, [, d]) => sum + d, 0),
            longTasks: long.length,
            jsFiles: js.length,
            jsTransferred: js.reduce((sum, e) => sum + e.transferSize, 0),
            jsDecoded: js.reduce((sum, e) => sum + e.decodedBodySize, 0),
          };
        });
        if (load.error) throw new Error(`run ${i + 1}: ${load.error}`);
        const expand = await page.evaluate(async total => {
          const afterPaint = () =>
            new Promise(resolve =>
              requestAnimationFrame(() => setTimeout(resolve, 0)),
            );
          const tiles = () =>
            document.querySelectorAll('[data-account-ref]').length;
          const until = (done: () => boolean) =>
            new Promise<void>(resolve => {
              if (done()) {
                resolve();
                return;
              }
              const observer = new MutationObserver(() => {
                if (done()) {
                  observer.disconnect();
                  resolve();
                }
              });
              observer.observe(document.body, {
                childList: true,
                subtree: true,
                attributes: true,
              });
            });
          const input = document.querySelector(
            'input[type="search"]',
          ) as HTMLInputElement;
          const setValue = Object.getOwnPropertyDescriptor(
            HTMLInputElement.prototype,
            'value',
          )!.set!;
          setValue.call(input, '');
          input.dispatchEvent(new Event('input', { bubbles: true }));
          const collapsedToggle = () =>
            [
              ...document.querySelectorAll('button[aria-expanded="false"]'),
            ].find(b => b.textContent?.startsWith('Workloads')) as
              | HTMLButtonElement
              | undefined;
          // A small estate has no collapsed OU: nothing to open.
          const found = await Promise.race([
            until(() => Boolean(collapsedToggle())).then(() => true),
            new Promise<boolean>(resolve =>
              setTimeout(() => resolve(false), 3000),
            ),
          ]);
          if (!found) return { expandMs: NaN, tiles: tiles() };
          await afterPaint();
          const toggle = collapsedToggle()!;
          const started = performance.now();
          toggle.click();
          // Open, and its tiles in view rendered (a large map renders only
          // those): done at the first painted frame after which the number
          // of tiles no longer changes.
          let settled = 0;
          let last = -1;
          for (let frame = 0; frame < 600; frame++) {
            await afterPaint();
            const count = tiles();
            const open =
              toggle.getAttribute('aria-expanded') === 'true' && count > total;
            if (open && count === last) break;
            last = count;
            settled = performance.now();
          }
          return { expandMs: settled - started, tiles: tiles() };
        }, options.shownBefore);
        const run: MapRun = {
          ...load,
          expandMs: expand.expandMs,
          tilesAfterExpand: expand.tiles,
        };
        options.log(
          `run ${i + 1}/${options.runs}: FCP ${run.fcp.toFixed(
            0,
          )} ms, map ${run.mapPainted.toFixed(
            0,
          )} ms, interactive ${run.interactive.toFixed(
            0,
          )} ms, expand ${run.expandMs.toFixed(0)} ms`,
        );
        runs.push(run);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return runs;
}
