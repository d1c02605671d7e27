/**
 * `yarn bench:map`: the account map's render benchmark.
 *
 * 1. Generates a large estate's catalog entities with the suite's own
 *    ingestion over in-memory readers (estateEntities.ts).
 * 2. Builds a production harness app without the plugin, with it as the
 *    portal's app imports it, and with its plugin object only
 *    (buildHarness.ts), for the JavaScript the plugin adds.
 * 3. Serves the harness and the generated catalog on 127.0.0.1
 *    (harnessServer.ts) and loads `/aws-platform/map` cold in headless
 *    Chromium several times (measureMap.ts).
 * 4. Prints the tables (mapReport.ts); stops the server and the browser,
 *    also on failure.
 *
 * Runs under Node 22's type stripping, like bench:ingest.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { buildHarness } from './buildHarness.ts';
import { loadEstateEntities } from './buildEstateRunner.ts';
import type { JsonEntity } from './catalogQuery.ts';
import { startHarnessServer } from './harnessServer.ts';
import type { HarnessServer } from './harnessServer.ts';
import { progressLog, runBenchCli } from '../benchCli.ts';
import { parseMapArgs, MAP_USAGE } from './mapArgs.ts';
import type { MapArgs } from './mapArgs.ts';
import { measureMap } from './measureMap.ts';
import { bundleTable, median, timingTable } from './mapReport.ts';
import { workloadAccount } from './estateRecords.ts';

async function main(args: MapArgs): Promise<number> {
  const started = Date.now();
  const log = progressLog(started);

  log(
    `generating ${args.accounts} workload accounts with the suite's ingestion`,
  );
  const estateEntities = await loadEstateEntities();
  const generated = performance.now();
  const entities = (await estateEntities({
    accounts: args.accounts,
    zonesPerAccount: args.zonesPerAccount,
    clusters: args.clusters,
  })) as unknown as JsonEntity[];
  log(
    `${entities.length} entities in ${(performance.now() - generated).toFixed(
      0,
    )} ms`,
  );

  log(
    'building the harness app without and with the plugin (esbuild, minified)',
  );
  const without = await buildHarness('none');
  const withPlugin = await buildHarness('package');
  const definition = await buildHarness('definition');
  log(
    `built in ${[without, withPlugin, definition]
      .map(b => `${b.buildMs.toFixed(0)} ms`)
      .join(', ')}`,
  );

  let server: HarnessServer | undefined;
  const stop = async () => {
    await server?.close();
    server = undefined;
  };
  const onSignal = () => {
    stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    server = await startHarnessServer({ ...withPlugin, entities });
    log(
      `serving on ${server.url}; ${args.runs} cold loads of /aws-platform/map`,
    );
    // The query names one account: the map must narrow to its tile.
    const query = workloadAccount(Math.min(41, args.accounts - 1)).name;
    const runs = await measureMap({
      url: `${server.url}/aws-platform/map`,
      runs: args.runs,
      query,
      matches: 1,
      // Management, Network and Backup; Workloads starts collapsed.
      shownBefore: 3,
      chromiumPath: args.chromium,
      log,
    });
    const catalog = { ...server.catalogResponse };
    const unanswered = [...server.unanswered];
    const loaded = {
      files: median(runs.map(r => r.jsFiles)),
      transferred: median(runs.map(r => r.jsTransferred)),
      decoded: median(runs.map(r => r.jsDecoded)),
    };

    const accountsShown = args.accounts + 3;
    console.log(
      `\n## Account map: ${accountsShown.toLocaleString('en-US')} accounts\n`,
    );
    console.log(
      `Machine: ${os.cpus().length} cores (${os
        .cpus()[0]
        ?.model.trim()}), load average ${os
        .loadavg()
        .map(l => l.toFixed(1))
        .join(' ')}; Chromium headless, viewport 1440 x 900; Node ${
        process.version
      }.`,
    );
    console.log(
      `Catalog answer for the map: ${(catalog.bytes / 1024).toFixed(0)} KB (${(
        catalog.gzip / 1024
      ).toFixed(0)} KB gzip) for ${accountsShown} accounts and their OUs.`,
    );
    if (unanswered.length > 0) {
      console.log(
        `API calls the harness did not answer (404): ${unanswered
          .map(([path, n]) => `${path} x${n}`)
          .join(', ')}`,
      );
    }
    console.log(`\n${timingTable(runs)}\n`);
    console.log(
      `${bundleTable({ withPlugin, definition, without, loaded })}\n`,
    );
    if (args.jsonOut) {
      writeFileSync(
        args.jsonOut,
        JSON.stringify(
          {
            args,
            entities: entities.length,
            catalog,
            unanswered,
            runs,
            builds: { without, withPlugin, definition },
          },
          null,
          2,
        ),
      );
      log(`wrote ${args.jsonOut}`);
    }
    return 0;
  } finally {
    await stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

runBenchCli({
  name: 'bench:map',
  usage: MAP_USAGE,
  parse: parseMapArgs,
  run: main,
});
