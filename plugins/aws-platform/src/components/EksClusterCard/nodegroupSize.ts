/**
 * A node group's desired size with its scaling range, e.g. `2 (1–3)`; a `?`
 * for a bound that is not known, and a dash when none is. Shared by the
 * catalog and live node group tables so both read the same.
 */
export function nodegroupSize(group: {
  desiredSize?: number;
  minSize?: number;
  maxSize?: number;
}): string {
  const range =
    group.minSize !== undefined || group.maxSize !== undefined
      ? ` (${group.minSize ?? '?'}–${group.maxSize ?? '?'})`
      : '';
  return group.desiredSize !== undefined || range
    ? `${group.desiredSize ?? '?'}${range}`
    : '—';
}
