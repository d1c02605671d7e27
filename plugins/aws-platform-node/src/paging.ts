/**
 * Collects every item of an SDK v3 paginator.
 *
 * Paginators keep asking while a `NextToken` comes back, including after an
 * empty page, which Organizations documents it may return.
 * @public
 */
export async function collectPages<TPage, TItem>(
  pages: AsyncIterable<TPage>,
  itemsOf: (page: TPage) => TItem[] | undefined,
): Promise<TItem[]> {
  const items: TItem[] = [];
  for await (const page of pages) {
    items.push(...(itemsOf(page) ?? []));
  }
  return items;
}
