/**
 * Whether events lost anything: the event-maintained catalog against the
 * full refresh that followed it, on the same estate.
 */

/**
 * What the event-maintained catalog lacked (lost) or still held (stale)
 * against the full refresh that followed, leaving out the entities only
 * that refresh could bring: those of changes whose events were dropped,
 * and those of the organization changes that started it.
 */
export function compareWithRefresh(
  before: { ref: string; title: string }[],
  after: { ref: string; title: string }[],
  refreshOnlyTitles: ReadonlySet<string>,
): { lost: string[]; stale: string[] } {
  const had = new Set(before.map(r => r.ref));
  const has = new Set(after.map(r => r.ref));
  return {
    lost: after
      .filter(r => !had.has(r.ref) && !refreshOnlyTitles.has(r.title))
      .map(r => r.ref),
    stale: before.filter(r => !has.has(r.ref)).map(r => r.ref),
  };
}
