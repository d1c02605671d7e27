/*
 * A package's Jest config split in two projects: `unit` (no emulator) and
 * `emulator` (the tests that start moto on loopback, by their file name).
 * A package opts in with, in its package.json:
 *
 *   "jest": { "projects": ["<rootDir>/../../../scripts/jest/unit.config.cjs",
 *                          "<rootDir>/../../../scripts/jest/emulator.config.cjs"] }
 *
 * `yarn test --selectProjects unit` in the package then runs only its plain
 * unit tests. The projects are Backstage's own config for the package (read
 * from @backstage/cli, as `backstage-cli package test` computes it) with the
 * test files narrowed. At the repository root `backstage-cli repo test` keeps
 * one project per package and Jest ignores a project's own `projects`, so
 * the root run still runs every test file.
 */
const EMULATOR_TEST_FILE =
  '\\.(emulator|faults|replicas)\\.test\\.[cm]?[jt]sx?$';

/**
 * Backstage's project config of the package Jest runs in, without the keys
 * that belong to the run as a whole (they stay in the run's own config).
 */
async function packageConfig() {
  const { projects, coverageProvider, testResultsProcessor, ...config } =
    await require('@backstage/cli/config/jest.js');
  if (!projects) {
    throw new Error(
      'scripts/jest configs are for a package whose package.json lists them under jest.projects',
    );
  }
  return config;
}

/** @param {'unit' | 'emulator'} kind */
async function splitProject(kind) {
  const config = await packageConfig();
  const ignored = config.testPathIgnorePatterns ?? ['/node_modules/'];
  return {
    ...config,
    displayName: kind,
    id: `${config.id}_${kind}`,
    ...(kind === 'unit'
      ? { testPathIgnorePatterns: [...ignored, EMULATOR_TEST_FILE] }
      : { testRegex: [EMULATOR_TEST_FILE], testMatch: undefined }),
  };
}

module.exports = { splitProject, EMULATOR_TEST_FILE };
