// Prints one closing line for the whole run from jest's and Playwright's
// JSON reports, e.g. "tests: 120 passed, 0 failed".
import { readFileSync } from 'node:fs';

const [jestReport, playwrightReport] = process.argv.slice(2);
const jest = JSON.parse(readFileSync(jestReport, 'utf8'));
const playwright = JSON.parse(readFileSync(playwrightReport, 'utf8'));

const browserPassed = playwright.stats?.expected ?? 0;
// A flaky browser test counts as failed: it passed only on a retry.
const browserFailed =
  (playwright.stats?.unexpected ?? 0) + (playwright.stats?.flaky ?? 0);
const passed = jest.numPassedTests + browserPassed;
const failed = jest.numFailedTests + browserFailed;
console.log(
  `unit and integration: ${jest.numPassedTests} passed, ${jest.numFailedTests} failed; browser: ${browserPassed} passed, ${browserFailed} failed`,
);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
