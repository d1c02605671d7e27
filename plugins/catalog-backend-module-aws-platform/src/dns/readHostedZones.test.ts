import {
  HostedZone,
  ListHostedZonesCommand,
  ListResourceRecordSetsCommand,
  ListTagsForResourcesCommand,
  NoSuchHostedZone,
  Route53Client,
  ThrottlingException,
} from '@aws-sdk/client-route-53';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { readHostedZones } from './readHostedZones';

// aws-sdk-client-mock replaces `send`, so these tests exercise our paging,
// batching and normalization; the SDK's retries are not exercised here.
const route53 = mockClient(Route53Client);

function hostedZone(id: string, name: string, privateZone = false): HostedZone {
  return {
    Id: `/hostedzone/${id}`,
    Name: name,
    CallerReference: `ref-${id}`,
    Config: { PrivateZone: privateZone },
    ResourceRecordSetCount: 2,
  };
}

function apexOnly(name: string) {
  return {
    ResourceRecordSets: [
      {
        Name: name,
        Type: 'NS' as const,
        TTL: 172800,
        ResourceRecords: [{ Value: 'ns-1.awsdns-01.com.' }],
      },
    ],
    IsTruncated: false,
  };
}

describe('readHostedZones', () => {
  beforeEach(() => {
    route53.reset();
  });

  it('pages zones and record sets, keeps NS records and normalizes every name', async () => {
    route53
      .on(ListHostedZonesCommand)
      .resolves({
        HostedZones: [
          {
            ...hostedZone('ZROOT', 'Example.COM.'),
            Config: { PrivateZone: false, Comment: 'root' },
            ResourceRecordSetCount: 5,
          },
        ],
        IsTruncated: true,
        NextMarker: 'ZPRIVATE',
        Marker: '',
        MaxItems: 100,
      })
      .on(ListHostedZonesCommand, { Marker: 'ZPRIVATE' })
      .resolves({
        HostedZones: [hostedZone('ZPRIVATE', 'internal.example.com.', true)],
        IsTruncated: false,
        Marker: 'ZPRIVATE',
        MaxItems: 100,
      });
    route53
      .on(ListResourceRecordSetsCommand, { HostedZoneId: 'ZPRIVATE' })
      .resolves(apexOnly('internal.example.com.'))
      .on(ListResourceRecordSetsCommand, {
        HostedZoneId: 'ZROOT',
        StartRecordName: undefined,
      })
      .resolves({
        ResourceRecordSets: [
          {
            Name: 'example.com.',
            Type: 'NS',
            TTL: 172800,
            // moto drops the trailing dot on name servers; AWS keeps it.
            ResourceRecords: [
              { Value: 'NS-0.AWSDNS-00.COM.' },
              { Value: 'ns-512.awsdns-00.net' },
            ],
          },
          {
            Name: 'example.com.',
            Type: 'SOA',
            TTL: 900,
            ResourceRecords: [{ Value: 'ns-0.awsdns-00.com. hostmaster. 1' }],
          },
        ],
        IsTruncated: true,
        NextRecordName: 'production.example.com.',
        NextRecordType: 'NS',
        MaxItems: 2,
      })
      .on(ListResourceRecordSetsCommand, {
        HostedZoneId: 'ZROOT',
        StartRecordName: 'production.example.com.',
        StartRecordType: 'NS',
      })
      .resolves({
        ResourceRecordSets: [
          {
            Name: 'Production.example.com.',
            Type: 'NS',
            TTL: 3600,
            ResourceRecords: [
              { Value: 'ns-77.awsdns-09.com.' },
              { Value: 'ns-701.awsdns-23.net.' },
            ],
          },
          {
            Name: 'www.example.com.',
            Type: 'CNAME',
            TTL: 300,
            ResourceRecords: [{ Value: 'production.example.com' }],
          },
        ],
        IsTruncated: true,
        NextRecordName: 'sandbox.example.com.',
        NextRecordType: 'NS',
        MaxItems: 2,
      })
      .on(ListResourceRecordSetsCommand, {
        HostedZoneId: 'ZROOT',
        StartRecordName: 'sandbox.example.com.',
        StartRecordType: 'NS',
      })
      .resolves({
        ResourceRecordSets: [
          {
            Name: 'sandbox.example.com.',
            Type: 'NS',
            ResourceRecords: [{ Value: 'ns-9999.awsdns-99.net.' }],
          },
        ],
        IsTruncated: false,
        MaxItems: 2,
      });
    route53.on(ListTagsForResourcesCommand).resolves({
      ResourceTagSets: [
        {
          ResourceType: 'hostedzone',
          ResourceId: 'ZROOT',
          Tags: [{ Key: 'owner', Value: 'platform-team' }],
        },
      ],
    });

    const zones = await readHostedZones(new Route53Client({}));

    expect(zones).toEqual([
      {
        id: 'ZROOT',
        name: 'example.com',
        privateZone: false,
        recordCount: 5,
        comment: 'root',
        nameServers: ['ns-0.awsdns-00.com', 'ns-512.awsdns-00.net'],
        delegations: [
          {
            name: 'production.example.com',
            nameServers: ['ns-77.awsdns-09.com', 'ns-701.awsdns-23.net'],
            ttl: 3600,
          },
          {
            name: 'sandbox.example.com',
            nameServers: ['ns-9999.awsdns-99.net'],
          },
        ],
        tags: { owner: 'platform-team' },
      },
      {
        id: 'ZPRIVATE',
        name: 'internal.example.com',
        privateZone: true,
        recordCount: 2,
        nameServers: ['ns-1.awsdns-01.com'],
        delegations: [],
        tags: {},
      },
    ]);
    expect(route53).toHaveReceivedCommandTimes(ListHostedZonesCommand, 2);
    expect(route53).toHaveReceivedNthSpecificCommandWith(
      1,
      ListHostedZonesCommand,
      {
        MaxItems: 100,
      },
    );
    expect(route53).toHaveReceivedCommandTimes(
      ListResourceRecordSetsCommand,
      4,
    );
    expect(route53).toHaveReceivedCommandWith(ListResourceRecordSetsCommand, {
      HostedZoneId: 'ZROOT',
      MaxItems: 300,
      StartRecordName: 'sandbox.example.com.',
      StartRecordType: 'NS',
    });
  });

  it('reads tags in batches of ten zone ids', async () => {
    const ids = Array.from(
      { length: 12 },
      (_, i) => `Z${String(i).padStart(2, '0')}`,
    );
    route53.on(ListHostedZonesCommand).resolves({
      HostedZones: ids.map(id =>
        hostedZone(id, `${id.toLowerCase()}.example.com.`),
      ),
      IsTruncated: false,
    });
    route53
      .on(ListResourceRecordSetsCommand)
      .callsFake(input =>
        apexOnly(`${String(input.HostedZoneId).toLowerCase()}.example.com.`),
      );
    route53.on(ListTagsForResourcesCommand).callsFake(input => ({
      ResourceTagSets: (input.ResourceIds as string[]).map(id => ({
        ResourceType: 'hostedzone',
        ResourceId: id,
        Tags: [{ Key: 'zone', Value: id }],
      })),
    }));

    const zones = await readHostedZones(new Route53Client({}));

    expect(route53).toHaveReceivedCommandTimes(ListTagsForResourcesCommand, 2);
    expect(route53).toHaveReceivedNthSpecificCommandWith(
      1,
      ListTagsForResourcesCommand,
      {
        ResourceType: 'hostedzone',
        ResourceIds: ids.slice(0, 10),
      },
    );
    expect(route53).toHaveReceivedNthSpecificCommandWith(
      2,
      ListTagsForResourcesCommand,
      {
        ResourceType: 'hostedzone',
        ResourceIds: ids.slice(10),
      },
    );
    expect(zones.map(z => z.tags.zone)).toEqual(ids);
    expect(zones.map(z => z.nameServers)).toEqual(
      ids.map(() => ['ns-1.awsdns-01.com']),
    );
  });

  it('keeps at most the given number of zones in flight', async () => {
    const ids = Array.from({ length: 9 }, (_, i) => `Z${i}`);
    route53.on(ListHostedZonesCommand).resolves({
      HostedZones: ids.map(id => hostedZone(id, `${id}.example.com.`)),
      IsTruncated: false,
    });
    let inFlight = 0;
    let peak = 0;
    route53.on(ListResourceRecordSetsCommand).callsFake(async input => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise(resolve => setTimeout(resolve, 5));
      inFlight--;
      return apexOnly(`${String(input.HostedZoneId)}.example.com.`);
    });
    route53.on(ListTagsForResourcesCommand).resolves({ ResourceTagSets: [] });

    await readHostedZones(new Route53Client({}), { concurrency: 3 });

    expect(peak).toBe(3);
  });

  it('fails the whole read when one zone cannot be read, so nothing partial reaches the catalog', async () => {
    route53.on(ListHostedZonesCommand).resolves({
      HostedZones: [
        hostedZone('ZA', 'a.example.com.'),
        hostedZone('ZB', 'b.example.com.'),
      ],
      IsTruncated: false,
    });
    route53
      .on(ListResourceRecordSetsCommand)
      .resolves(apexOnly('a.example.com.'))
      .on(ListResourceRecordSetsCommand, { HostedZoneId: 'ZB' })
      .rejects(
        new ThrottlingException({ message: 'Rate exceeded', $metadata: {} }),
      );
    route53.on(ListTagsForResourcesCommand).resolves({ ResourceTagSets: [] });

    await expect(readHostedZones(new Route53Client({}))).rejects.toThrow(
      'Rate exceeded',
    );
  });

  it('fails when the tags cannot be read', async () => {
    route53.on(ListHostedZonesCommand).resolves({
      HostedZones: [hostedZone('ZA', 'a.example.com.')],
      IsTruncated: false,
    });
    route53
      .on(ListResourceRecordSetsCommand)
      .resolves(apexOnly('a.example.com.'));
    route53
      .on(ListTagsForResourcesCommand)
      .rejects(
        new NoSuchHostedZone({ message: 'No hosted zone ZA', $metadata: {} }),
      );

    await expect(readHostedZones(new Route53Client({}))).rejects.toThrow(
      'No hosted zone ZA',
    );
  });

  it('fails rather than loop when a truncated record page names no next record', async () => {
    route53.on(ListHostedZonesCommand).resolves({
      HostedZones: [hostedZone('ZA', 'a.example.com.')],
      IsTruncated: false,
    });
    route53
      .on(ListResourceRecordSetsCommand)
      .resolves({ ResourceRecordSets: [], IsTruncated: true, MaxItems: 300 });
    route53.on(ListTagsForResourcesCommand).resolves({ ResourceTagSets: [] });

    await expect(readHostedZones(new Route53Client({}))).rejects.toThrow(
      /truncated but names no next record/,
    );
  });

  it('reads an account without zones with a single call', async () => {
    route53
      .on(ListHostedZonesCommand)
      .resolves({ HostedZones: [], IsTruncated: false });

    await expect(readHostedZones(new Route53Client({}))).resolves.toEqual([]);
    expect(route53.calls()).toHaveLength(1);
  });
});
