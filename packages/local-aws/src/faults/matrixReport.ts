import { appendFileSync } from 'node:fs';

/** The environment variable naming the file that collects matrix rows. */
export const MATRIX_OUT_ENV = 'RELIABILITY_MATRIX_OUT';

/** One line of the fault matrix (docs/reliability.md). */
export type MatrixRow = {
  /** What ran: the catalog ingestion, or a scaffolder action. */
  subject: string;
  /** The fault, e.g. `20 % throttling`. */
  fault: string;
  /** Ingestion runs, or action attempts (each kill and resume counts). */
  runs: number;
  /** Outcomes in a few words, e.g. `2 ok` or `1 partial (3 scopes)`. */
  outcome: string;
  /** Catalog entities (ingestion) or AWS resources (actions) before and after. */
  before: number;
  after: number;
  /** What `before` and `after` count, e.g. `entities` or `plans + selections`. */
  unit: string;
  /** Entities before that are missing after; must be 0. */
  lost: number;
  /** AWS resources made twice; must be 0. */
  duplicates: number;
  /** Requests the SDK sent as retries, counted by the proxy. */
  retries: number;
  /** Faults the proxy injected. */
  faults: number;
};

/**
 * Adds a row to the file named by RELIABILITY_MATRIX_OUT, one JSON object a
 * line; does nothing when it is not set (an ordinary test run).
 */
export function recordMatrixRow(row: MatrixRow): void {
  const file = process.env[MATRIX_OUT_ENV];
  if (file) appendFileSync(file, `${JSON.stringify(row)}\n`);
}
