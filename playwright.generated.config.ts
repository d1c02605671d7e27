import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * The screenshots of a generated estate (scripts/screenshots-generated.sh
 * starts the portal on it): the same browser settings as the browser tests,
 * another folder of specs, which the seeded estate's run does not include.
 */
export default defineConfig({
  ...base,
  testDir: 'packages/app/e2e-generated',
  outputDir: '.tools/e2e-generated-results',
});
