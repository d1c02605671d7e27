import { Route53Client } from '@aws-sdk/client-route-53';
import { ConfigReader } from '@backstage/config';
import {
  DefaultAwsClientFactory,
  ROUTE53_REGION,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { useReferenceEstate } from '@internal/local-aws';
import { createHostedZoneReader } from './readHostedZone';
import { readHostedZones } from './readHostedZones';

// The zone-at-a-time reads of the event path against moto seeded with the
// reference estate, through the suite's client factory (the account's role
// assumed): each must answer what the account-wide read answers for that
// zone, and an NS record is found by name, not by position.
jest.setTimeout(60_000);

const local = useReferenceEstate();

function route53In(accountId: string): Promise<Route53Client> {
  return DefaultAwsClientFactory.fromConfig(
    new ConfigReader({
      aws: { accountDefaults: { roleName: 'OrganizationAccountAccessRole' } },
    }),
  ).createClient(Route53Client, { accountId, region: ROUTE53_REGION });
}

describe('createHostedZoneReader on the reference estate', () => {
  it('reads a zone, its record count and tags as the account-wide read does', async () => {
    const root = local.estate.zones.root;
    const client = await route53In(root.accountId);
    const all = await readHostedZones(client);
    const expected = all.find(z => z.id === root.id)!;
    const reader = createHostedZoneReader(client);

    expect(await reader.zone(root.id)).toEqual(expected);
    expect(await reader.recordCount(root.id)).toBe(expected.recordCount);
    expect(await reader.tags(root.id)).toEqual(expected.tags);
  });

  it('finds the NS record of a name among the records, and none for a name without one', async () => {
    const root = local.estate.zones.root;
    const client = await route53In(root.accountId);
    const expected = (await readHostedZones(client)).find(
      z => z.id === root.id,
    )!;
    const reader = createHostedZoneReader(client);
    for (const stage of ['production', 'sandbox'] as const) {
      const name = local.estate.zones[stage].name;
      expect(await reader.nsRecord(root.id, name)).toEqual(
        expected.delegations.find(d => d.name === name),
      );
    }
    expect(
      await reader.nsRecord(root.id, `missing.${root.name}`),
    ).toBeUndefined();
  });

  it('answers undefined for a zone that is gone', async () => {
    const reader = createHostedZoneReader(
      await route53In(local.estate.zones.root.accountId),
    );
    expect(await reader.zone('Z0000000000000GONE')).toBeUndefined();
    expect(await reader.recordCount('Z0000000000000GONE')).toBeUndefined();
  });
});
