import { downloadBlob } from '../shared/downloadBlob';

/** A value of a CSV cell; null and undefined become empty cells. */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * Characters that make a spreadsheet read a cell as a formula when they come
 * first (OWASP, "CSV Injection"); a line feed is added for readers that
 * start a new cell on it.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a double quote, a
 * line break or leading/trailing spaces, with its double quotes doubled. A
 * value that a spreadsheet would run as a formula (entity titles and owners
 * come from AWS tags and catalog files) gets a leading `'` and is quoted, as
 * OWASP advises, so it is shown as text.
 */
export function csvField(value: CsvValue): string {
  const raw = value === null || value === undefined ? '' : String(value);
  const formula = FORMULA_START.test(raw);
  const text = formula ? `'${raw}` : raw;
  return formula || /[",\r\n]|^\s|\s$/.test(text)
    ? `"${text.replace(/"/g, '""')}"`
    : text;
}

/**
 * A CSV document: the header line, then one line per row, each ended by
 * CRLF as RFC 4180 asks. Rows shorter than the header get empty cells.
 */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  const line = (cells: CsvValue[]) =>
    header.map((_, index) => csvField(cells[index])).join(',');
  return [header, ...rows].map(line).join('\r\n').concat('\r\n');
}

/**
 * Has the browser save `csv` as `fileName`. A byte order mark goes first so
 * that spreadsheet programs read the file as UTF-8.
 */
export function downloadCsv(fileName: string, csv: string): void {
  downloadBlob(
    fileName,
    new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }),
  );
}
