/**
 * Command line: `node packages/local-aws/src/cli.ts serve|seed ...`
 * (runs with Node 22's type stripping; see USAGE in cliArgs.ts).
 */
import { writeFileSync } from 'node:fs';
import { parseCliArgs, USAGE, UsageError } from './cliArgs.ts';
import type { LargeEstateFlags, SeedKind } from './cliArgs.ts';
import { startLocalAws } from './emulator.ts';
import type { LocalAws } from './emulator.ts';
import { serveLocalAws } from './emulatorFront.ts';
import { isLoopbackPortFree } from './freePort.ts';
import { resetMoto } from './motoApi.ts';
import { portalConfigEnv } from './seed/generated/portalConfig.ts';
import { seedGeneratedEstate } from './seed/generated/seedGeneratedEstate.ts';
import { seedLargeEstate } from './seed/largeEstate.ts';
import { seedReferenceEstate } from './seed/referenceEstate.ts';
import { summarizeLargeEstate, summarizeReferenceEstate } from './summary.ts';

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`local-aws: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  switch (args.command) {
    case 'help':
      console.log(USAGE);
      return 0;
    case 'seed':
      await resetMoto(args.endpoint);
      console.log((await seed(args.endpoint, args)).summary);
      return 0;
    case 'serve':
      return serve(args);
    default:
      return 2;
  }
}

async function serve(
  args: SeedArgs & { port: number; envFile?: string; logFile?: string },
): Promise<number> {
  // --port is the served endpoint's, the front's; moto gets a free one.
  // Checked first: seeding a large estate takes minutes.
  if (args.port && !(await isLoopbackPortFree(args.port))) {
    throw new Error(`port ${args.port} on 127.0.0.1 is already in use`);
  }
  const aws = await startMoto(args.logFile);
  const served = serveLocalAws(aws);
  try {
    console.log(`local-aws: moto listening on ${aws.endpoint} (for seeding)`);
    // Seeded straight into moto: the estate is moto's state, not the front's.
    await aws.reset();
    const seeded = await seed(aws.endpoint, args);
    console.log(seeded.summary);
    const front = await served.startFront(args.port);
    if (args.envFile) {
      writeEnvFile(args.envFile, {
        ...aws.env,
        AWS_ENDPOINT_URL: front.endpoint,
        ...seeded.portalEnv,
      });
    }
    console.log(`local-aws ready at ${front.endpoint}`);
  } catch (error) {
    // A signal stopped moto under the seeder: that is a clean exit.
    if (served.stopping()) return served.exitCode;
    await served.stop();
    throw error;
  }
  return served.exitCode;
}

// While moto starts, a signal exits at once; startLocalAws's exit hook
// then kills the half-started server.
async function startMoto(logFile: string | undefined): Promise<LocalAws> {
  const abort = (signal: NodeJS.Signals) => {
    console.error(`local-aws: ${signal} during startup`);
    process.exit(1);
  };
  process.on('SIGINT', abort);
  process.on('SIGTERM', abort);
  try {
    return await startLocalAws({ logFile });
  } finally {
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
  }
}

type SeedArgs = {
  seed: SeedKind;
  large: LargeEstateFlags;
  estateSeed?: number;
};

/** Seeds the estate; `portalEnv` is config the portal needs on top of app-config.yaml. */
async function seed(
  endpoint: string,
  { seed: kind, large, estateSeed }: SeedArgs,
): Promise<{ summary: string; portalEnv?: Record<string, string> }> {
  const log = (msg: string) => console.log(`local-aws: ${msg}`);
  const started = Date.now();
  if (kind === 'reference') {
    const estate = await seedReferenceEstate({ endpoint, log });
    return { summary: summarizeReferenceEstate(estate, Date.now() - started) };
  }
  if (kind === 'large') {
    return {
      summary: summarizeLargeEstate(
        await seedLargeEstate({ endpoint, log, ...large }),
      ),
    };
  }
  if (kind === 'generated') {
    const { plan } = await seedGeneratedEstate({
      endpoint,
      seed: estateSeed ?? 1,
    });
    return {
      summary: `local-aws: seeded the estate generated from seed ${
        plan.seed
      } (${plan.company}, ${plan.accounts.length + 1} accounts in ${
        plan.ouPaths.length
      } OUs, regions ${plan.regions.join(' and ')}) in ${
        Date.now() - started
      } ms`,
      portalEnv: portalConfigEnv(plan),
    };
  }
  return { summary: 'reset the emulator; seeded nothing (--seed none)' };
}

// Single-quoted, so that a shell sourcing the file keeps JSON's quotes.
function writeEnvFile(path: string, env: Record<string, string>): void {
  const lines = Object.entries(env).map(([key, value]) =>
    /^[\w.:/@-]*$/.test(value)
      ? `${key}=${value}`
      : `${key}='${value.replace(/'/g, `'\\''`)}'`,
  );
  writeFileSync(path, `${lines.join('\n')}\n`);
  console.log(`local-aws: wrote ${lines.length} variables to ${path}`);
}

main(process.argv.slice(2)).then(
  code => process.exit(code),
  error => {
    console.error(
      `local-aws: ${error instanceof Error ? error.message : error}`,
    );
    process.exit(1);
  },
);
