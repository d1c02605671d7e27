import {
  ListAccountsForParentCommand,
  ListAccountsCommand,
  ListTagsForResourceCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {
  ListHostedZonesCommand,
  ListResourceRecordSetsCommand,
} from '@aws-sdk/client-route-53';
import { ListClustersCommand } from '@aws-sdk/client-eks';
import {
  ListBackupPlansCommand,
  ListBackupVaultsCommand,
} from '@aws-sdk/client-backup';
import { startLocalAws } from '../emulator.ts';
import type { LocalAws } from '../emulator.ts';
import { accountClients } from './accountClients.ts';
import {
  assumeAccount,
  clientOptions,
  MANAGEMENT_CREDENTIALS,
} from './awsSession.ts';
import type { AwsSession } from './awsSession.ts';
import { seedLargeEstate } from './largeEstate.ts';

let aws: LocalAws;
let management: AwsSession;

beforeAll(async () => {
  aws = await startLocalAws();
  management = {
    endpoint: aws.endpoint,
    region: 'us-east-1',
    credentials: MANAGEMENT_CREDENTIALS,
  };
}, 30_000);

afterAll(async () => {
  await aws?.stop();
}, 15_000);

const inAccount = async (id: string) =>
  accountClients(await assumeAccount(management, id), id);

describe('seedLargeEstate', () => {
  it('seeds a small "large" estate with wrap-around clusters', async () => {
    await aws.reset();
    const messages: string[] = [];
    const estate = await seedLargeEstate({
      endpoint: aws.endpoint,
      accounts: 3,
      zonesPerAccount: 3,
      clusters: 4,
      concurrency: 2,
      log: msg => messages.push(msg),
    });
    expect(messages).toEqual(['large estate: 3/3 accounts seeded']);
    expect(estate.workloads.map(a => a.name)).toEqual([
      'workload-0001',
      'workload-0002',
      'workload-0003',
    ]);

    const org = new OrganizationsClient(clientOptions(management));
    const all = await org.send(new ListAccountsCommand({}));
    expect(all.Accounts).toHaveLength(6); // management, Network, Backup, 3 workloads
    const inWorkloads = await org.send(
      new ListAccountsForParentCommand({ ParentId: estate.ous.Workloads }),
    );
    expect(inWorkloads.Accounts?.map(a => a.Name).sort()).toEqual([
      'workload-0001',
      'workload-0002',
      'workload-0003',
    ]);
    const tags = await org.send(
      new ListTagsForResourceCommand({ ResourceId: estate.workloads[1].id }),
    );
    expect(tags.Tags).toEqual([
      { Key: 'owner', Value: 'team-02' },
      { Key: 'aws-platform/role', Value: 'sandbox' },
    ]);

    const first = await inAccount(estate.workloads[0].id);
    const zones = await first.route53.send(new ListHostedZonesCommand({}));
    expect(zones.HostedZones?.map(z => z.Name).sort()).toEqual([
      'app-01.workload-0001.example.com.',
      'app-02.workload-0001.example.com.',
      'workload-0001.example.com.',
    ]);
    const apex = estate.zones.find(
      z => z.name === 'workload-0001.example.com',
    )!;
    const apexRecords = await first.route53.send(
      new ListResourceRecordSetsCommand({ HostedZoneId: apex.id }),
    );
    expect(
      apexRecords.ResourceRecordSets?.filter(r => r.Type === 'NS').map(
        r => r.Name,
      ),
    ).toEqual([
      'workload-0001.example.com.',
      'app-01.workload-0001.example.com.',
      'app-02.workload-0001.example.com.',
    ]);
    const network = await inAccount(estate.network.id);
    const rootRecords = await network.route53.send(
      new ListResourceRecordSetsCommand({ HostedZoneId: estate.rootZone.id }),
    );
    expect(
      rootRecords.ResourceRecordSets?.filter(r => r.Type === 'NS')
        .map(r => r.Name)
        .sort(),
    ).toEqual([
      'example.com.',
      'workload-0001.example.com.',
      'workload-0002.example.com.',
      'workload-0003.example.com.',
    ]);

    const clusters = await first.eks().send(new ListClustersCommand({}));
    expect(clusters.clusters?.sort()).toEqual([
      'acme-workload-0001-v1',
      'acme-workload-0001-v2',
    ]);
    expect(estate.clusters.map(c => [c.name, c.version])).toEqual([
      ['acme-workload-0001-v1', '1.33'],
      ['acme-workload-0001-v2', '1.30'],
      ['acme-workload-0002-v1', '1.32'],
      ['acme-workload-0003-v1', '1.31'],
    ]);

    const vaults = await first.backup().send(new ListBackupVaultsCommand({}));
    expect(vaults.BackupVaultList?.map(v => v.BackupVaultName)).toEqual([
      'user-backup-vault',
    ]);
    const plans = await first.backup().send(new ListBackupPlansCommand({}));
    expect(plans.BackupPlansList?.map(p => p.BackupPlanName)).toEqual([
      'workload-0001-backup-plan',
    ]);
    expect(estate.vaults).toBe(4);
    expect(estate.plans).toBe(3);
    expect(estate.zones).toHaveLength(9);
  }, 60_000);

  it('refuses clusters without accounts', async () => {
    await expect(
      seedLargeEstate({ endpoint: aws.endpoint, accounts: 0, clusters: 1 }),
    ).rejects.toThrow('clusters need at least one workload account');
  });
});
