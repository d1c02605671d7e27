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
    {
      // The freshness benchmark drives the event path below its provider
      // (subscribeToCloudTrailEvents, the readers, the plugin's in-memory
      // catalog and CloudTrail fixtures), makes its changes with the
      // emulator's seeding helpers, and reads the queue with the aws-sqs
      // module the catalog module brings; none of it reaches the portal.
      files: ['src/freshness/**'],
      rules: {
        '@backstage/no-forbidden-package-imports': 'off',
        '@backstage/no-undeclared-imports': 'off',
      },
    },
    {
      // The event path's catalog is the plugin's own in-memory one (and its
      // status store), the one its event tests hold the ScopeRefresher to,
      // rather than a copy that could drift from it.
      files: [
        'src/freshness/eventBackend.ts',
        'src/freshness/recordingCatalog.ts',
      ],
      rules: { 'no-restricted-imports': 'off' },
    },
  ],
});
