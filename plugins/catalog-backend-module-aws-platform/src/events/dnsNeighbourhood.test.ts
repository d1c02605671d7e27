import {
  ChangedAccounts,
  delegatedNamesOf,
  isReEmitted,
  neighbourAccounts,
  ZoneSighting,
} from './dnsNeighbourhood';

// The guide's layout: the root zone in Network, stage zones in the workload
// accounts, and a team zone below production in a third account.
const network = '111111111111';
const production = '222222222222';
const sandbox = '333333333333';
const team = '444444444444';
const other = '555555555555';

const zones: ZoneSighting[] = [
  { accountId: network, name: 'example.com', privateZone: false },
  { accountId: production, name: 'production.example.com', privateZone: false },
  { accountId: sandbox, name: 'sandbox.example.com', privateZone: false },
  { accountId: team, name: 'api.production.example.com', privateZone: false },
  { accountId: other, name: 'example.org', privateZone: false },
  // A private zone of the same name as production's public one.
  { accountId: other, name: 'production.example.com', privateZone: true },
];

describe('the DNS neighbourhood of a change', () => {
  const only = (id: string): ChangedAccounts => ({
    all: new Set([id]),
    delegatedNames: new Set(),
  });
  // A zone created or deleted in the account: its delegations, anywhere.
  const delegated = (id: string, sightings = zones): ChangedAccounts => ({
    all: new Set([id]),
    delegatedNames: delegatedNamesOf([{ accountId: id }], sightings),
  });
  // NS records changed in the account, by name.
  const nsChanged = (id: string, names: string[]): ChangedAccounts => ({
    all: new Set([id]),
    delegatedNames: delegatedNamesOf(
      [{ accountId: id, delegatedNames: names }],
      zones,
    ),
  });

  it('reads the accounts above and below a stage zone whose delegation changed, not its siblings', () => {
    expect(neighbourAccounts(delegated(production), zones).sort()).toEqual(
      [network, team].sort(),
    );
  });

  it('reads only the accounts above when no delegation changed', () => {
    expect(neighbourAccounts(only(production), zones)).toEqual([network]);
    expect(neighbourAccounts(only(network), zones)).toEqual([]);
  });

  it('reads every account with a zone under the root when the root changes', () => {
    expect(neighbourAccounts(delegated(network), zones).sort()).toEqual(
      [production, sandbox, team].sort(),
    );
  });

  it('finds the parent of a zone the catalog does not hold yet', () => {
    const created = [
      ...zones,
      {
        accountId: sandbox,
        name: 'dev.sandbox.example.com',
        privateZone: false,
      },
    ];
    expect(neighbourAccounts(delegated(sandbox, created), created)).toEqual([
      network,
    ]);
  });

  it('reads only the accounts at or below the NS records a change named', () => {
    expect(
      neighbourAccounts(nsChanged(network, ['production.example.com']), zones),
    ).toEqual([production, team]);
    expect(
      neighbourAccounts(
        nsChanged(network, ['api.production.example.com']),
        zones,
      ),
    ).toEqual([team]);
    // A name nothing holds yet reads no account below.
    expect(
      neighbourAccounts(nsChanged(network, ['new.example.com']), zones),
    ).toEqual([]);
  });

  it('judges everywhere below an account changed anywhere, also beside named records', () => {
    const both = delegatedNamesOf(
      [
        { accountId: network, delegatedNames: ['sandbox.example.com'] },
        { accountId: production },
      ],
      zones,
    );
    expect([...both].sort()).toEqual(
      ['production.example.com', 'sandbox.example.com'].sort(),
    );
  });

  it('ignores private zones, which look for parents in their own account', () => {
    expect(
      neighbourAccounts(delegated(other), zones).filter(a => a === production),
    ).toEqual([]);
  });

  it('emits again the changed accounts’ zones and those below a changed delegation, not those above', () => {
    const changed = delegated(production);
    const emitted = zones.filter(z => isReEmitted(z, changed));
    expect(emitted.map(z => `${z.accountId} ${z.name}`)).toEqual([
      `${production} production.example.com`,
      `${team} api.production.example.com`,
    ]);
    expect(
      zones.filter(z => isReEmitted(z, only(production))).map(z => z.name),
    ).toEqual(['production.example.com']);
  });

  it('emits again the zone an NS record names, in whichever account holds it', () => {
    const changed = nsChanged(network, ['production.example.com']);
    expect(
      zones
        .filter(z => z.accountId !== network && isReEmitted(z, changed))
        .map(z => `${z.accountId} ${z.name}`),
    ).toEqual([
      `${production} production.example.com`,
      `${team} api.production.example.com`,
    ]);
  });
});
