import {
  GetHostedZoneCommand,
  ListHostedZonesByNameCommand,
  ListResourceRecordSetsCommand,
  ListTagsForResourceCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { JsonObject } from '@backstage/types';
import { useReferenceEstate } from '@internal/local-aws';
import { estateClientFactory } from './__testUtils__/estateClientFactory';
import { subdomainConfig } from './__testUtils__/estateActionConfigs';
import { createDelegatedSubdomainAction } from './createDelegatedSubdomain';

// Runs the action against moto's server seeded with the guide's reference
// organization, reaching the Network and Sandbox accounts by assuming
// OrganizationAccountAccessRole, as the portal does.
jest.setTimeout(120_000);

const local = useReferenceEstate();

function setUp() {
  const clientFactory = estateClientFactory({ maxAttempts: 2 });
  const action = createDelegatedSubdomainAction({
    config: subdomainConfig(local.estate),
    clientFactory,
    catalog: catalogServiceMock(),
    permissions: mockServices.permissions(),
  });
  const inAccount = async (accountId: string) =>
    clientFactory.createClient(Route53Client, {
      accountId,
      region: 'us-east-1',
    });
  return { action, inAccount };
}

function context(
  input: JsonObject,
  isDryRun = false,
  taskId = `task-${input.domainName}`,
) {
  return Object.assign(
    createMockActionContext({
      input,
      task: { id: taskId } as any,
    }),
    {
      isDryRun,
    },
  );
}

async function zonesNamed(client: Route53Client, name: string) {
  const { HostedZones } = await client.send(
    new ListHostedZonesByNameCommand({ DNSName: `${name}.` }),
  );
  return (HostedZones ?? []).filter(zone => zone.Name === `${name}.`);
}

async function nsRecord(client: Route53Client, zoneId: string, name: string) {
  const { ResourceRecordSets } = await client.send(
    new ListResourceRecordSetsCommand({
      HostedZoneId: zoneId,
      StartRecordName: `${name}.`,
      StartRecordType: 'NS',
      MaxItems: 1,
    }),
  );
  return ResourceRecordSets?.find(
    r => r.Name === `${name}.` && r.Type === 'NS',
  );
}

describe('aws-platform:route53:subdomain:create on the local estate', () => {
  it('creates and delegates the zone, and a second run changes nothing', async () => {
    const { action, inAccount } = setUp();
    const sandbox = await inAccount(local.estate.accounts.sandbox.id);
    const network = await inAccount(local.estate.accounts.network.id);

    const first = context({
      domainName: 'staging.example.com',
      account: local.estate.accounts.sandbox.id,
    });
    await action.handler(first as any);

    const zones = await zonesNamed(sandbox, 'staging.example.com');
    expect(zones).toHaveLength(1);
    const zoneId = zones[0].Id!.replace('/hostedzone/', '');
    const { DelegationSet } = await sandbox.send(
      new GetHostedZoneCommand({ Id: zoneId }),
    );
    const delegation = await nsRecord(
      network,
      local.estate.zones.root.id,
      'staging.example.com',
    );
    expect(delegation?.TTL).toBe(3600);
    expect(delegation?.ResourceRecords?.map(r => r.Value).sort()).toEqual(
      [...DelegationSet!.NameServers!].sort(),
    );
    const { ResourceTagSet } = await sandbox.send(
      new ListTagsForResourceCommand({
        ResourceType: 'hostedzone',
        ResourceId: zoneId,
      }),
    );
    expect(ResourceTagSet?.Tags).toContainEqual({
      Key: 'managed-by',
      Value: 'backstage',
    });
    expect(first.output).toHaveBeenCalledWith('zoneId', zoneId);
    expect(first.output).toHaveBeenCalledWith('created', true);

    // Another task asks for the same subdomain.
    const second = context(
      {
        domainName: 'staging.example.com',
        account: local.estate.accounts.sandbox.id,
      },
      false,
      'task-of-someone-else',
    );
    await action.handler(second as any);
    expect(await zonesNamed(sandbox, 'staging.example.com')).toHaveLength(1);
    expect(second.output).toHaveBeenCalledWith('created', false);
    expect(second.output).toHaveBeenCalledWith('plannedChanges', [
      'Tag the staging.example.com zone with managed-by, backstage-task',
    ]);
  });

  it('changes nothing in a dry-run', async () => {
    const { action, inAccount } = setUp();
    const ctx = context(
      {
        domainName: 'dev.example.com',
        account: local.estate.accounts.sandbox.id,
      },
      true,
    );
    await action.handler(ctx as any);

    expect(
      await zonesNamed(
        await inAccount(local.estate.accounts.sandbox.id),
        'dev.example.com',
      ),
    ).toHaveLength(0);
    expect(
      await nsRecord(
        await inAccount(local.estate.accounts.network.id),
        local.estate.zones.root.id,
        'dev.example.com',
      ),
    ).toBeUndefined();
    expect(ctx.output).toHaveBeenCalledWith(
      'plannedChanges',
      expect.arrayContaining([
        `Create public hosted zone dev.example.com in account Sandbox (${local.estate.accounts.sandbox.id})`,
      ]),
    );
  });

  it('repairs a drifted delegation without a new zone', async () => {
    // The seeded sandbox.example.com delegation does not match its zone.
    const { action, inAccount } = setUp();
    const ctx = context({
      domainName: 'sandbox.example.com',
      account: local.estate.accounts.sandbox.id,
    });
    await action.handler(ctx as any);

    const network = await inAccount(local.estate.accounts.network.id);
    const repaired = await nsRecord(
      network,
      local.estate.zones.root.id,
      'sandbox.example.com',
    );
    expect(repaired?.ResourceRecords?.map(r => r.Value).sort()).toEqual(
      [...local.estate.zones.sandbox.nameServers].sort(),
    );
    expect(
      await zonesNamed(
        await inAccount(local.estate.accounts.sandbox.id),
        'sandbox.example.com',
      ),
    ).toHaveLength(1);
    expect(ctx.output).toHaveBeenCalledWith('created', false);
  });
});
