/*
 * How the cards write the values of live answers. Times are shown in UTC,
 * as AWS's consoles and the catalog's ISO dates are, so that a time read
 * here matches one in the AWS console or a log.
 */

/**
 * `2026-11-24T02:20:31.000Z` as `2026-11-24 02:20 UTC`; undefined stays
 * undefined.
 * @public
 */
export function utcMinute(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return undefined;
  return `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * `2026-11-24T02:20:31.000Z` as `02:20:31 UTC`: when a live answer was read.
 * @public
 */
export function utcTime(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime())
    ? iso
    : `${time.toISOString().slice(11, 19)} UTC`;
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/**
 * A byte count in binary units, e.g. `2.0 GiB`.
 * @public
 */
export function byteSize(bytes: number | undefined): string | undefined {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) {
    return undefined;
  }
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}
