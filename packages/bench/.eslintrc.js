module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    {
      // The peers are devDependencies of this private workspace only, so that
      // they can never reach the portal's install.
      files: ['src/runners/roadie.ts', 'src/runners/core.ts'],
      rules: { '@backstage/no-undeclared-imports': 'off' },
    },
    {
      // Drives the suite's ingestion below its provider (runIngestion, the
      // readers), which the backend plugin does not export.
      files: ['src/runners/suite.ts'],
      rules: { '@backstage/no-forbidden-package-imports': 'off' },
    },
    {
      // The simulation reuses the suite's own scheduling parts (mapSettled,
      // listScopes, DEFAULT_RATE_LIMITS) rather than copies of them.
      files: ['src/simulate/**'],
      rules: { '@backstage/no-forbidden-package-imports': 'off' },
    },
    {
      // The map benchmark makes its estate with the suite's ingestion
      // (runIngestion, below the provider), drives the machine's Chromium
      // through playwright-core (the root's @playwright/test brings it), and
      // builds its harness with the app's own toolchain packages; none of it
      // can reach the portal's install.
      files: ['src/map/**'],
      rules: {
        '@backstage/no-forbidden-package-imports': 'off',
        '@backstage/no-undeclared-imports': 'off',
      },
    },
    {
      // The load run's backend child ingests with the suite's readers, which
      // the backend plugin does not export.
      files: ['src/load/loadBackend.ts', 'src/load/countingCache.ts'],
      rules: { '@backstage/no-forbidden-package-imports': 'off' },
    },
  ],
});
