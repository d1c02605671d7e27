import { defineConfig } from '@playwright/test';

/**
 * The adoption test's browser check (scripts/adoption-test.sh), apart from
 * the repository's playwright.config.ts: it runs only
 * adoption.spec.mjs, against the app the script created outside the
 * repository, whose backend serves the built frontend at
 * ADOPTION_APP_URL. The machine's Chromium; no test downloads a browser.
 */
export default defineConfig({
  testDir: '.',
  testMatch: 'adoption.spec.mjs',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: true,
  retries: 0,
  workers: 1,
  outputDir: process.env.ADOPTION_RESULTS_DIR ?? 'adoption-test-results',
  use: {
    baseURL: process.env.ADOPTION_APP_URL,
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
});
