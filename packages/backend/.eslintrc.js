module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    {
      // The replica tests send the catalog module's recorded CloudTrail
      // events (its test fixtures), which it does not export.
      files: ['src/replicas/**/*.test.ts'],
      rules: { '@backstage/no-forbidden-package-imports': 'off' },
    },
  ],
});
