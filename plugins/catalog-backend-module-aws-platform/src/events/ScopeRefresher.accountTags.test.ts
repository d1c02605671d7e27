import { Entity } from '@backstage/catalog-model';
import { organizationSnapshot } from '../__fixtures__/organizationSnapshot';
import { memoryAccountTagStore } from '../__testUtils__/memoryAccountTagStore';
import { PRODUCTION, REGION } from './__fixtures__/eventEstate';
import { fullRefresh, setUpRefresher } from './__testUtils__/refresherSetUp';
import type { AccountTagsChange, ScopeChange } from './eventChange';

const MANAGEMENT = '123456789012';

function tagged(accountId: string, tagKeys?: string[]): AccountTagsChange {
  return {
    kind: 'accountTags',
    key: `account-tags:${accountId}`,
    accountId,
    callerAccountId: MANAGEMENT,
    eventName: 'TagResource',
    ...(tagKeys && { tagKeys }),
  };
}

/** The fixture organization with one account's tags as AWS holds them now. */
function withTags(accountId: string, tags: Record<string, string>) {
  const snapshot = structuredClone(organizationSnapshot);
  snapshot.accounts.find(a => a.id === accountId)!.tags = tags;
  return snapshot;
}

/** An Organizations tag reader over a snapshot, which records the accounts read. */
function tagReader(snapshot: typeof organizationSnapshot) {
  const read: string[] = [];
  return {
    read,
    readAccountTags: async (accountId: string) => {
      read.push(accountId);
      return { ...snapshot.accounts.find(a => a.id === accountId)!.tags };
    },
  };
}

const ownerOf = (entities: Entity[], title: string) =>
  entities.find(e => e.metadata.title === title)?.spec?.owner;

describe('ScopeRefresher, account tags', () => {
  it("applies an account's new owner tag to the account and the resources that inherit it, as a full refresh would, in one read", async () => {
    const now = withTags(PRODUCTION, {
      owner: 'payments-team',
      'aws-platform/role': 'production',
    });
    const tags = tagReader(now);
    const { data, catalog, reads, refresher } = await setUpRefresher({
      readAccountTags: tags.readAccountTags,
    });
    expect(ownerOf(catalog.all(), 'Production')).toBe(
      'group:default/app-developers',
    );

    const outcome = await refresher.refresh([tagged(PRODUCTION, ['owner'])]);

    expect(tags.read).toEqual([PRODUCTION]);
    expect(reads.calls).toEqual([]);
    expect(outcome).not.toHaveProperty('fullRefresh');
    expect(outcome.added).toBeGreaterThan(1);
    expect(catalog.all()).toEqual(await fullRefresh(data, now));
    const inheriting = catalog
      .all()
      .filter(
        e =>
          e.metadata.annotations?.['amazonaws.com/account-id'] === PRODUCTION &&
          e.spec?.type !== 'aws-account',
      );
    // The zone and the vault follow; the cluster keeps its own owner tag.
    expect(inheriting.map(e => [e.spec?.type, e.spec?.owner]).sort()).toEqual([
      ['aws-backup-vault', 'group:default/payments-team'],
      ['dns-zone', 'group:default/payments-team'],
      ['kubernetes-cluster', 'group:default/platform-team'],
    ]);
  });

  it('falls back to the role owner or the default owner when the owner tag is removed', async () => {
    const now = withTags(PRODUCTION, { 'aws-platform/role': 'production' });
    const { data, catalog, refresher } = await setUpRefresher({
      readAccountTags: tagReader(now).readAccountTags,
    });
    await refresher.refresh([
      { ...tagged(PRODUCTION, ['owner']), eventName: 'UntagResource' },
    ]);
    expect(catalog.all()).toEqual(await fullRefresh(data, now));
    expect(ownerOf(catalog.all(), 'Production')).toBe(
      'group:default/platform-team',
    );
  });

  it('maps resources re-read in the same batch with the new owner', async () => {
    const now = withTags(PRODUCTION, {
      owner: 'payments-team',
      'aws-platform/role': 'production',
    });
    const { data, catalog, refresher } = await setUpRefresher({
      readAccountTags: tagReader(now).readAccountTags,
    });
    const eks: ScopeChange = {
      kind: 'scope',
      key: `eks:${PRODUCTION}:${REGION}`,
      service: 'eks',
      accountId: PRODUCTION,
      region: REGION,
      delegation: false,
    };
    await refresher.refresh([eks, tagged(PRODUCTION, ['owner'])]);
    expect(catalog.all()).toEqual(await fullRefresh(data, now));
  });

  it('changes nothing and reads nothing for tags other than the owner and role tags', async () => {
    const tags = tagReader(organizationSnapshot);
    const { catalog, refresher } = await setUpRefresher({
      readAccountTags: tags.readAccountTags,
    });
    const outcome = await refresher.refresh([
      tagged(PRODUCTION, ['cost-center']),
    ]);
    expect(tags.read).toEqual([]);
    expect(catalog.deltas).toEqual([]);
    expect(outcome).toMatchObject({ added: 0, failures: [] });
    expect(outcome).not.toHaveProperty('fullRefresh');
  });

  it('writes nothing when the owner read is the one held (a duplicated or older event)', async () => {
    const tags = tagReader(organizationSnapshot);
    const { catalog, refresher } = await setUpRefresher({
      readAccountTags: tags.readAccountTags,
    });
    await refresher.refresh([tagged(PRODUCTION, ['owner'])]);
    expect(tags.read).toEqual([PRODUCTION]);
    expect(catalog.deltas).toEqual([]);
  });

  it.each([
    ['the role tag', ['aws-platform/role']],
    ['tag keys that cannot be read', undefined],
  ])(
    'asks for the full refresh, reading nothing, for %s',
    async (_, tagKeys) => {
      const tags = tagReader(organizationSnapshot);
      const { refresher } = await setUpRefresher({
        readAccountTags: tags.readAccountTags,
      });
      const outcome = await refresher.refresh([tagged(PRODUCTION, tagKeys)]);
      expect(outcome.fullRefresh).toMatch(/TagResource/);
      expect(tags.read).toEqual([]);
    },
  );

  it('asks for the full refresh without a tag reader, or for an account the catalog does not hold yet', async () => {
    const { refresher } = await setUpRefresher();
    expect(
      (await refresher.refresh([tagged(PRODUCTION, ['owner'])])).fullRefresh,
    ).toMatch(/TagResource/);
    const withReader = await setUpRefresher({
      readAccountTags: tagReader(organizationSnapshot).readAccountTags,
    });
    expect(
      (await withReader.refresher.refresh([tagged('444444444444', ['owner'])]))
        .fullRefresh,
    ).toMatch(/TagResource/);
    // Another organization's call about another organization's account.
    expect(
      await withReader.refresher.refresh([
        {
          ...tagged('444444444444', ['owner']),
          callerAccountId: '999999999999',
        },
      ]),
    ).not.toHaveProperty('fullRefresh');
  });

  it('keeps the tags it read for refreshes that carry them, and marks those only a refresh can apply', async () => {
    const now = withTags(PRODUCTION, {
      owner: 'payments-team',
      'aws-platform/role': 'production',
    });
    const accountTags = memoryAccountTagStore();
    const { refresher } = await setUpRefresher({
      readAccountTags: tagReader(now).readAccountTags,
      accountTags,
    });
    await refresher.refresh([tagged(PRODUCTION, ['owner'])]);
    expect(await accountTags.readSince('AwsPlatformEntityProvider', 0)).toEqual(
      new Map([
        [
          PRODUCTION,
          { owner: 'payments-team', 'aws-platform/role': 'production' },
        ],
      ]),
    );

    // The role tag: the refresh must read this account's tags, not carry them.
    await refresher.refresh([tagged(PRODUCTION, ['aws-platform/role'])]);
    expect(await accountTags.readSince('AwsPlatformEntityProvider', 0)).toEqual(
      new Map(),
    );
    expect(
      accountTags.rows.get(`AwsPlatformEntityProvider ${PRODUCTION}`)?.tags,
    ).toBeNull();
  });

  it("asks for the full refresh when an adopter's transformer made resources that would inherit the owner", async () => {
    const now = withTags(PRODUCTION, {
      owner: 'payments-team',
      'aws-platform/role': 'production',
    });
    const { catalog, refresher } = await setUpRefresher({
      readAccountTags: tagReader(now).readAccountTags,
      transformers: new Map([['aws-backup-vault', async (e: Entity) => e]]),
    });
    const outcome = await refresher.refresh([tagged(PRODUCTION, ['owner'])]);
    expect(outcome.fullRefresh).toMatch(/transformer/);
    expect(catalog.deltas).toEqual([]);
  });

  it('changes nothing for an account whose tags cannot be read, and says so in the status', async () => {
    const { catalog, refresher, statusStore } = await setUpRefresher({
      readAccountTags: async () => {
        throw Object.assign(new Error('Rate exceeded'), {
          name: 'TooManyRequestsException',
        });
      },
    });
    const before = catalog.all();
    const outcome = await refresher.refresh([tagged(PRODUCTION, ['owner'])]);
    expect(outcome.failures).toEqual([
      expect.objectContaining({
        scope: `account-tags:${PRODUCTION}`,
        errorName: 'TooManyRequestsException',
      }),
    ]);
    expect(catalog.all()).toEqual(before);
    expect((await statusStore.list())[0]).toMatchObject({
      outcome: 'partial',
      failures: [{ scope: `account-tags:${PRODUCTION}` }],
    });
  });
});
