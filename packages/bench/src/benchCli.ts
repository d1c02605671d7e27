/**
 * What every `yarn bench:*` command does around its measurement: parse the
 * arguments (usage and exit code 2 when they are wrong, usage and 0 for
 * --help), run, turn the result or a crash into the exit code, and log
 * progress on stderr with the seconds elapsed.
 */

/** Runs one bench command with `process.argv`'s arguments. */
export function runBenchCli<Args extends { help: boolean }>(command: {
  /** e.g. `bench:load`, the prefix of its error messages. */
  name: string;
  usage: string;
  parse(argv: string[]): Args;
  /** Resolves with the exit code. */
  run(args: Args): Promise<number>;
}): void {
  const main = async (argv: string[]): Promise<number> => {
    let args: Args;
    try {
      args = command.parse(argv);
    } catch (error) {
      console.error(
        `${command.name}: ${(error as Error).message}\n\n${command.usage}`,
      );
      return 2;
    }
    if (args.help) {
      console.log(command.usage);
      return 0;
    }
    return command.run(args);
  };
  main(process.argv.slice(2)).then(
    code => {
      process.exitCode = code;
    },
    error => {
      console.error(`${command.name}:`, error);
      process.exitCode = 1;
    },
  );
}

/** Logs `[  12 s] message` on stderr, the seconds counted from `started`. */
export function progressLog(
  started: number = Date.now(),
): (message: string) => void {
  return message =>
    console.error(
      `[${((Date.now() - started) / 1000)
        .toFixed(0)
        .padStart(4)} s] ${message}`,
    );
}
