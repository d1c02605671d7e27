import { mapSettled } from './concurrency';

/**
 * Like Promise.all with bounded concurrency: every call runs, then the first
 * failure (in input order) is thrown. A reader's scope is all or nothing, so
 * a partial result never replaces a complete one.
 *
 * @public
 */
export async function mapAllOrThrow<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = await mapSettled(items, concurrency, fn);
  return results.map(result => {
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  });
}
