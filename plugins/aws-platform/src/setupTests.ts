import '@testing-library/jest-dom';
import { isComponentWarning } from './__testUtils__/reactWarnings';

// A file's first render loads the app and its lazily loaded pages in jsdom:
// in a loaded CI run (three Jest workers beside the adoption build on two
// cores) that alone once took the AwsServiceCard test past Jest's 5 s
// default. The assertions wait for what they check; the bound is for hangs.
jest.setTimeout(30_000);

// A test whose components make React warn about what they do wrong (an
// input switching from uncontrolled to controlled, a list without keys, an
// invalid ARIA attribute) fails, so the suite's pages and fields add none
// to a developer's console.
let warnings: string[] = [];
let spy: jest.SpyInstance | undefined;
// eslint-disable-next-line no-console
const consoleError = console.error;

beforeEach(() => {
  warnings = [];
  spy = jest
    .spyOn(console, 'error')
    .mockImplementation((...args: unknown[]) => {
      if (isComponentWarning(args)) warnings.push(args.map(String).join(' '));
      consoleError(...args);
    });
});

afterEach(() => {
  // A test may have replaced or restored this spy: then it checked itself.
  spy?.mockRestore();
  if (warnings.length > 0) {
    throw new Error(`React warned while the test ran:\n${warnings.join('\n')}`);
  }
});
