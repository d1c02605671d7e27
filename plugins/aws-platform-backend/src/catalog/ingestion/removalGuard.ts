/**
 * Whether a run may replace `previousCount` entities with `nextCount`: a run
 * that would remove more than `maxRemovalShare` of them is refused, because
 * an organization does not lose a quarter of itself between two refreshes,
 * but a wrong role, region or filter does.
 */
export function checkRemoval(
  previousCount: number,
  nextCount: number,
  maxRemovalShare: number,
): { allowed: true } | { allowed: false; reason: string } {
  const removed = previousCount - nextCount;
  if (
    previousCount === 0 ||
    removed <= 0 ||
    removed / previousCount <= maxRemovalShare
  ) {
    return { allowed: true };
  }
  return {
    allowed: false,
    reason: `the run would remove ${removed} of ${previousCount} entities (${Math.round(
      (removed / previousCount) * 100,
    )}%), more than the ${Math.round(
      maxRemovalShare * 100,
    )}% allowed by catalog.providers.awsPlatform.maxRemovalShare`,
  };
}
