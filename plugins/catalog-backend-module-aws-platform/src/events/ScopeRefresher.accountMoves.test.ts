import { organizationSnapshot } from '../__fixtures__/organizationSnapshot';
import { AUDIT, PRODUCTION } from './__fixtures__/eventEstate';
import { fullRefresh, setUpRefresher } from './__testUtils__/refresherSetUp';
import type { AccountMoveChange } from './eventChange';

const MANAGEMENT = '123456789012';

function moved(accountId: string, callerAccountId = MANAGEMENT) {
  const change: AccountMoveChange = {
    kind: 'accountMove',
    key: `account-move:${accountId}`,
    accountId,
    callerAccountId,
    eventName: 'MoveAccount',
  };
  return change;
}

/** The fixture organization with one account in another OU, as AWS holds it now. */
function withParent(accountId: string, parentId: string) {
  const snapshot = structuredClone(organizationSnapshot);
  snapshot.accounts.find(a => a.id === accountId)!.parentId = parentId;
  return snapshot;
}

/** An Organizations parent reader over a snapshot, which records the accounts read. */
function parentReader(snapshot: typeof organizationSnapshot) {
  const read: string[] = [];
  return {
    read,
    readAccountParent: async (accountId: string) => {
      read.push(accountId);
      return snapshot.accounts.find(a => a.id === accountId)!.parentId;
    },
  };
}

async function setUp(now: typeof organizationSnapshot) {
  const parents = parentReader(now);
  const set = await setUpRefresher({
    readAccountParent: parents.readAccountParent,
  });
  return { ...set, parents };
}

describe('ScopeRefresher, accounts moved', () => {
  it('places a moved account as a full refresh would, in one read', async () => {
    // Workloads to Payments: neither OU name says a role.
    const now = withParent(PRODUCTION, 'ou-ab12-payments');
    const { data, catalog, reads, refresher, parents } = await setUp(now);

    const outcome = await refresher.refresh([moved(PRODUCTION)]);

    expect(parents.read).toEqual([PRODUCTION]);
    expect(reads.calls).toEqual([]);
    expect(outcome).toMatchObject({ added: 1, removed: 0, failures: [] });
    expect(outcome).not.toHaveProperty('fullRefresh');
    expect(catalog.all()).toEqual(await fullRefresh(data, now));
    const production = catalog
      .all()
      .find(e => e.metadata.title === 'Production')!;
    expect(production.spec?.partOf).toBe('resource:default/ou-ab12-payments');
    expect(
      production.metadata.annotations?.['aws-platform-suite.github.io/ou-path'],
    ).toBe('Root/Workloads/Payments');
  });

  it('changes nothing for a duplicated or reordered event: the account is where AWS says', async () => {
    const { catalog, refresher, parents } = await setUp(organizationSnapshot);
    const before = catalog.all();
    const outcome = await refresher.refresh([moved(PRODUCTION)]);
    expect(parents.read).toEqual([PRODUCTION]);
    expect(outcome).toMatchObject({ added: 0, removed: 0 });
    expect(catalog.all()).toEqual(before);
  });

  it('asks for the full refresh, and applies nothing, when the new OU says another role', async () => {
    // Out of Security, the Audit account's OU no longer says it is Audit.
    const now = withParent(AUDIT, 'ou-ab12-workload');
    const { catalog, refresher } = await setUp(now);
    const before = catalog.all();
    const outcome = await refresher.refresh([moved(AUDIT)]);
    expect(outcome.fullRefresh).toMatch(
      /MoveAccount.*new OU says another role/,
    );
    expect(catalog.all()).toEqual(before);
  });

  it('asks for the full refresh for an OU or an account the catalog does not hold yet', async () => {
    const intoNewOu = await setUp(withParent(PRODUCTION, 'ou-ab12-newunit'));
    expect(
      (await intoNewOu.refresher.refresh([moved(PRODUCTION)])).fullRefresh,
    ).toMatch(/an OU of account-222222222222's move/);

    const newAccount = await setUp(organizationSnapshot);
    expect(
      (await newAccount.refresher.refresh([moved('444444444444')])).fullRefresh,
    ).toBe('MoveAccount (an account)');
    expect(newAccount.parents.read).toEqual([]);
    // Another organization's account, moved from its own management account.
    expect(
      await newAccount.refresher.refresh([
        moved('444444444444', '999999999999'),
      ]),
    ).not.toHaveProperty('fullRefresh');
  });

  it('asks for the full refresh without a reader, or when an adopter transforms accounts', async () => {
    const noReader = await setUpRefresher();
    expect(
      (await noReader.refresher.refresh([moved(PRODUCTION)])).fullRefresh,
    ).toBe('MoveAccount (an account)');

    const parents = parentReader(withParent(PRODUCTION, 'ou-ab12-payments'));
    const transformed = await setUpRefresher({
      readAccountParent: parents.readAccountParent,
      transformers: new Map([['aws-account', (e: unknown) => e]]),
    });
    expect(
      (await transformed.refresher.refresh([moved(PRODUCTION)])).fullRefresh,
    ).toMatch(/aws-account transformer/);
    expect(parents.read).toEqual([]);
  });

  it('reports a failed read and changes nothing', async () => {
    const { catalog, refresher } = await setUpRefresher({
      readAccountParent: async () => {
        throw Object.assign(new Error('Rate exceeded'), {
          name: 'TooManyRequestsException',
        });
      },
    });
    const before = catalog.all();
    const outcome = await refresher.refresh([moved(PRODUCTION)]);
    expect(outcome.failures).toEqual([
      expect.objectContaining({
        scope: 'account-move:222222222222',
        errorName: 'TooManyRequestsException',
      }),
    ]);
    expect(catalog.all()).toEqual(before);
  });
});
