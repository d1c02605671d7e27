import { Route53Client } from '@aws-sdk/client-route-53';
import {
  LocalAws,
  ReferenceEstate,
  startReferenceEstate,
} from '@internal/local-aws';
import { createHostedZoneReader } from './readHostedZone';
import { readHostedZones } from './readHostedZones';

// The zone-at-a-time reads of the event path against moto seeded with the
// reference estate: each must answer what the account-wide read answers
// for that zone, and an NS record is found by name, not by position.
jest.setTimeout(60_000);

let localAws: LocalAws;
let estate: ReferenceEstate;

beforeAll(async () => {
  ({ localAws, estate } = await startReferenceEstate());
});

afterAll(async () => {
  await localAws?.stop();
});

// moto picks the account from this header (see the emulator notes).
function route53In(accountId: string): Route53Client {
  const client = new Route53Client({
    endpoint: localAws.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  client.middlewareStack.add(
    next => async args => {
      (args.request as { headers: Record<string, string> }).headers[
        'x-moto-account-id'
      ] = accountId;
      return next(args);
    },
    { step: 'build', name: 'motoAccount' },
  );
  return client;
}

describe('createHostedZoneReader on the reference estate', () => {
  it('reads a zone, its record count and tags as the account-wide read does', async () => {
    const root = estate.zones.root;
    const client = route53In(root.accountId);
    const all = await readHostedZones(client);
    const expected = all.find(z => z.id === root.id)!;
    const reader = createHostedZoneReader(client);

    expect(await reader.zone(root.id)).toEqual(expected);
    expect(await reader.recordCount(root.id)).toBe(expected.recordCount);
    expect(await reader.tags(root.id)).toEqual(expected.tags);
  });

  it('finds the NS record of a name among the records, and none for a name without one', async () => {
    const root = estate.zones.root;
    const client = route53In(root.accountId);
    const expected = (await readHostedZones(client)).find(
      z => z.id === root.id,
    )!;
    const reader = createHostedZoneReader(client);
    for (const stage of ['production', 'sandbox'] as const) {
      const name = estate.zones[stage].name;
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
      route53In(estate.zones.root.accountId),
    );
    expect(await reader.zone('Z0000000000000GONE')).toBeUndefined();
    expect(await reader.recordCount('Z0000000000000GONE')).toBeUndefined();
  });
});
