/**
 * Runs `fn` over `items` with at most `limit` calls in flight, and returns
 * each outcome in input order, so one failing scope never hides the others.
 * @public
 */
export async function mapSettled<TItem, TResult>(
  items: readonly TItem[],
  limit: number,
  fn: (item: TItem, index: number) => Promise<TResult>,
): Promise<PromiseSettledResult<TResult>[]> {
  if (!(limit >= 1)) {
    throw new RangeError('limit must be at least 1');
  }
  const results: PromiseSettledResult<TResult>[] = new Array(items.length);
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < items.length) {
      const index = nextIndex++;
      try {
        results[index] = {
          status: 'fulfilled',
          value: await fn(items[index], index),
        };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, worker),
  );
  return results;
}
