/** `YYYY-MM-DD` of an ISO 8601 timestamp; the input when it is none. */
export function isoDay(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value;
}
