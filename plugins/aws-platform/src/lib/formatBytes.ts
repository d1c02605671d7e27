/**
 * A size as people read it: "840 B", "12.4 kB", "1.2 MB" (SI units, as
 * browsers' download lists show them), in the user's number format.
 */
export function formatBytes(bytes: number, locale?: string): string {
  if (bytes < 1000) return `${bytes} B`;
  const [value, unit] =
    bytes < 1_000_000
      ? [bytes / 1000, 'kilobyte']
      : [bytes / 1_000_000, 'megabyte'];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}
