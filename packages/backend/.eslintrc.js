module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    {
      // The replica tests send the catalog module's recorded CloudTrail
      // events to its test queue (its test fixtures), which it does not
      // export.
      files: ['src/replicas/**'],
      rules: { '@backstage/no-forbidden-package-imports': 'off' },
    },
  ],
});
