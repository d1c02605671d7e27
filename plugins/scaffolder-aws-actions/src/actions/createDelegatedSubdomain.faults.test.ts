import {
  GetHostedZoneCommand,
  ListHostedZonesByNameCommand,
  ListResourceRecordSetsCommand,
  ListTagsForResourceCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  FaultRule,
  isMutatingOperation,
  useReferenceEstate,
} from '@internal/local-aws';
import {
  countChanges,
  CheckedOutcome,
  commonFaultRow,
  deniedThenDone,
  FaultRow,
  KillPoint,
  MeasuredCells,
  recordActionRow,
  runOnceDenied,
  rulesThatNeverFired,
  runTaskUntilDone,
  startMeasure,
} from './__testUtils__/faultMatrix';
import { subdomainInventory } from './__testUtils__/estateInventories';
import { estateClientFactory } from './__testUtils__/estateClientFactory';
import { subdomainConfig } from './__testUtils__/estateActionConfigs';
import { ownerGroupEntity, PAYMENTS } from './__testUtils__/subdomainOwners';
import { createDelegatedSubdomainAction } from './createDelegatedSubdomain';

// The fault matrix of aws-platform:route53:subdomain:create
// (docs/reliability.md): the action on the seeded reference estate, through
// the fault proxy of packages/local-aws, killed at each of its AWS changes
// and resumed, and run under each fault until it succeeds. Afterwards moto
// must hold exactly one zone per subdomain, delegated and tagged.
jest.setTimeout(120_000);

const SUBJECT = 'Action route53:subdomain:create';
const MAX_ATTEMPTS = 4;
/** Seed of the fault draws; with it every row below meets its fault. */
const FAULT_SEED = 42;

const local = useReferenceEstate({
  faultProxy: { seed: 2026, emulatorGaps: true },
});

function createAction() {
  return createDelegatedSubdomainAction({
    config: subdomainConfig(local.estate),
    clientFactory: estateClientFactory({ maxAttempts: MAX_ATTEMPTS }),
    catalog: catalogServiceMock({ entities: [ownerGroupEntity(PAYMENTS)] }),
    permissions: mockServices.permissions(),
  });
}

/** Reads for assertions, through the proxy while it injects nothing. */
async function inAccount(accountId: string): Promise<Route53Client> {
  return estateClientFactory().createClient(Route53Client, {
    accountId,
    region: 'us-east-1',
  });
}

/** What moto holds for one subdomain; `duplicates` counts extra zones and NS sets. */
async function stateOf(domainName: string, taskId: string) {
  const fqdn = `${domainName}.`;
  const [sandbox, network] = await Promise.all([
    inAccount(local.estate.accounts.sandbox.id),
    inAccount(local.estate.accounts.network.id),
  ]);
  const { HostedZones = [] } = await sandbox.send(
    new ListHostedZonesByNameCommand({ DNSName: fqdn }),
  );
  const zones = HostedZones.filter(z => z.Name === fqdn);
  const { ResourceRecordSets = [] } = await network.send(
    new ListResourceRecordSetsCommand({
      HostedZoneId: local.estate.zones.root.id,
      StartRecordName: fqdn,
      StartRecordType: 'NS',
    }),
  );
  const nsSets = ResourceRecordSets.filter(
    r => r.Name === fqdn && r.Type === 'NS',
  );
  let nameServers: string[] = [];
  let tags: Record<string, string> = {};
  if (zones.length === 1) {
    const id = zones[0].Id!.replace('/hostedzone/', '');
    const zone = await sandbox.send(new GetHostedZoneCommand({ Id: id }));
    nameServers = zone.DelegationSet?.NameServers ?? [];
    const { ResourceTagSet } = await sandbox.send(
      new ListTagsForResourceCommand({
        ResourceType: 'hostedzone',
        ResourceId: id,
      }),
    );
    tags = Object.fromEntries(
      (ResourceTagSet?.Tags ?? []).map(t => [t.Key!, t.Value!]),
    );
  }
  const sorted = (values: string[]) =>
    values.map(v => v.replace(/\.$/, '')).sort();
  return {
    zones: zones.length,
    nsSets: nsSets.length,
    duplicates: Math.max(0, zones.length - 1) + Math.max(0, nsSets.length - 1),
    delegated:
      nsSets.length === 1 &&
      nameServers.length > 0 &&
      sorted(nsSets[0].ResourceRecords!.map(r => r.Value!)).join() ===
        sorted(nameServers).join(),
    tagged:
      tags.owner === PAYMENTS &&
      tags['aws-platform-suite.github.io/managed-by'] ===
        'backstage-aws-platform' &&
      tags['aws-platform-suite.github.io/task-id'] === taskId,
    zoneId: zones[0]?.Id?.replace('/hostedzone/', ''),
  };
}

/** Runs one task to success and checks moto holds one delegated, tagged zone. */
async function runChecked(
  domainName: string,
  options: { kill?: KillPoint; rules?: FaultRule[] } = {},
): Promise<CheckedOutcome> {
  const taskId = `task-${domainName}`;
  const outcome = await runTaskUntilDone({
    proxy: local.proxy,
    createAction,
    input: {
      domainName,
      account: local.estate.accounts.sandbox.id,
      owner: PAYMENTS,
    },
    taskId,
    seed: FAULT_SEED,
    ...options,
  });
  const state = await stateOf(domainName, taskId);
  expect(state).toMatchObject({
    zones: 1,
    nsSets: 1,
    delegated: true,
    tagged: true,
  });
  // Counted on the emulator: copies beyond the first of each name.
  expect(state.duplicates).toBe(0);
  expect(outcome.outputs.zoneId).toBe(state.zoneId);
  return {
    ...outcome,
    duplicates: state.duplicates,
    found: state.zones + state.nsSets,
  };
}

function record(
  fault: string,
  outcomes: CheckedOutcome[],
  measured: MeasuredCells,
) {
  recordActionRow({
    subject: SUBJECT,
    unit: 'zones + NS record sets',
    fault,
    outcomes,
    proxy: local.proxy,
    measured,
  });
}

describe('aws-platform:route53:subdomain:create under faults', () => {
  it('creates nothing twice when killed at each AWS change and resumed', async () => {
    const changes = await countChanges(
      local.proxy,
      () => runChecked('count.example.com'),
      isMutatingOperation,
    );
    // Create the zone, tag it, CREATE the delegation.
    expect(changes.sort()).toEqual([
      'route53:ChangeResourceRecordSets',
      'route53:ChangeTagsForResource',
      'route53:CreateHostedZone',
    ]);

    local.proxy.resetStats();
    const measure = await startMeasure(subdomainInventory(local));
    const outcomes = [];
    for (let change = 1; change <= changes.length; change++) {
      for (const when of ['before', 'after'] as const) {
        const outcome = await runChecked(`kill-${change}-${when}.example.com`, {
          kill: { change, when },
        });
        expect(outcome.killed).toBe(true);
        expect(outcome.runs).toBe(2);
        outcomes.push(outcome);
      }
    }
    record(
      `killed at each of its ${changes.length} AWS changes (before and after AWS acted), resumed`,
      outcomes,
      await measure.finish(),
    );
    expect(local.proxy.stats().faults.kill).toBe(outcomes.length);
  });

  // Faults on changes only are cheap: more tasks, so that some are hit.
  it.each<FaultRow>([
    commonFaultRow('throttled', 1),
    [
      'pending',
      '50 % PriorRequestNotComplete on changes',
      3,
      [
        {
          name: 'pending',
          match: { service: 'route53', mutating: true },
          fault: { kind: 'throttle', variant: 'prior-request-not-complete' },
          probability: 0.5,
        },
      ],
    ],
    commonFaultRow('failing', 2),
    commonFaultRow('slow', 1),
    commonFaultRow('lossy', 4),
  ])(
    'creates nothing twice when %s: %s',
    async (label, fault, tasks, rules) => {
      local.proxy.resetStats();
      const measure = await startMeasure(subdomainInventory(local));
      const outcomes = [];
      for (let n = 1; n <= tasks; n++) {
        outcomes.push(await runChecked(`${label}${n}.example.com`, { rules }));
      }
      record(fault, outcomes, await measure.finish());
      // The seeded draws hit this row's own fault at least once.
      expect(rulesThatNeverFired(local.proxy, rules)).toEqual([]);
    },
  );

  it('changes nothing while the account is denied, and completes once allowed', async () => {
    local.proxy.resetStats();
    const measure = await startMeasure(subdomainInventory(local));
    const sandbox = local.estate.accounts.sandbox.id;
    const domainName = 'denied.example.com';
    const outcome = await runOnceDenied({
      proxy: local.proxy,
      accountId: sandbox,
      createAction,
      input: { domainName, account: sandbox, owner: PAYMENTS },
      taskId: `task-${domainName}`,
    });
    expect(String(outcome)).toMatch(/AccessDenied|not authorized/);
    expect(await stateOf(domainName, `task-${domainName}`)).toMatchObject({
      zones: 0,
      nsSets: 0,
    });
    const done = await runChecked(domainName);
    record(
      'one account denied (Sandbox), then allowed',
      [deniedThenDone(outcome, done)],
      await measure.finish(),
    );
    expect(local.proxy.stats().faults.denied).toBeGreaterThan(0);
  });
});
