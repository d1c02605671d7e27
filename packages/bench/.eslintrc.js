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
      // The load run's backend child starts the backend plugin as its tests
      // do (backend-test-utils' mock services, the catalog's in-memory
      // client, backend-defaults' cache and root HTTP router bound to
      // 127.0.0.1) and ingests with the suite's readers. Those packages are
      // the plugin's own dependencies, hoisted; declaring them here would
      // change the shared lockfile.
      files: ['src/load/loadBackend.ts', 'src/load/countingCache.ts'],
      rules: {
        '@backstage/no-forbidden-package-imports': 'off',
        '@backstage/no-undeclared-imports': 'off',
      },
    },
  ],
});
