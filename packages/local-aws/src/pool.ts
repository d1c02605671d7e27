/**
 * Maps items through an async function with at most `concurrency` calls in
 * flight; results keep the input order. The first failure rejects (calls
 * already running finish, no new ones start).
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error(
      `concurrency must be a positive integer, got ${concurrency}`,
    );
  }
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  // Each worker pulls the next index until the list is done or one fails.
  const worker = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index], index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const workers = Array.from(
    { length: Math.min(concurrency, items.length) },
    worker,
  );
  await Promise.all(workers);
  return results;
}
