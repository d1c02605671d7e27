import { collectPages } from './paging';

describe('collectPages', () => {
  it('gathers items across pages, including empty and missing ones', async () => {
    async function* pages() {
      yield { Items: [1, 2] };
      yield { Items: [] };
      yield {};
      yield { Items: [3] };
    }
    await expect(
      collectPages(pages(), (page: { Items?: number[] }) => page.Items),
    ).resolves.toEqual([1, 2, 3]);
  });
});
