/** A value of a CSV cell; null and undefined become empty cells. */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a double quote, a
 * line break or leading/trailing spaces, with its double quotes doubled.
 */
export function csvField(value: CsvValue): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  URL.revokeObjectURL(url);
}
