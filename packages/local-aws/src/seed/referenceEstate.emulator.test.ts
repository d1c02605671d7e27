import {
  DescribeOrganizationalUnitCommand,
  DescribeOrganizationCommand,
  ListAccountsCommand,
  ListParentsCommand,
  ListTagsForResourceCommand as ListOrgTagsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {
  GetHostedZoneCommand,
  ListHostedZonesCommand,
  ListResourceRecordSetsCommand,
  ListTagsForResourceCommand as ListZoneTagsCommand,
} from '@aws-sdk/client-route-53';
import {
  DescribeClusterCommand,
  DescribeNodegroupCommand,
  ListClustersCommand,
  ListNodegroupsCommand,
} from '@aws-sdk/client-eks';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import {
  GetBackupPlanCommand,
  ListBackupPlansCommand,
  ListBackupVaultsCommand,
} from '@aws-sdk/client-backup';
import {
  DescribeRepositoriesCommand,
  GetRepositoryPolicyCommand,
} from '@aws-sdk/client-ecr';
import { isLoopbackPortFree } from '../freePort.ts';
import { startLocalAws } from '../emulator.ts';
import type { LocalAws } from '../emulator.ts';
import { accountClients } from './accountClients.ts';
import type { AccountClients } from './accountClients.ts';
import {
  assumeAccount,
  clientOptions,
  MANAGEMENT_CREDENTIALS,
} from './awsSession.ts';
import type { AwsSession } from './awsSession.ts';
import { DRIFTED_NAME_SERVER, seedReferenceEstate } from './referenceEstate.ts';
import { listOidcProviders } from './oidcProviders.ts';
import type { ReferenceEstate } from './referenceEstate.ts';

// One moto for the whole file: starting it costs a few seconds.
let aws: LocalAws;
let estate: ReferenceEstate;
let management: AwsSession;

beforeAll(async () => {
  aws = await startLocalAws();
  await aws.reset();
  estate = await seedReferenceEstate({ endpoint: aws.endpoint });
  management = {
    endpoint: aws.endpoint,
    region: 'us-east-1',
    credentials: MANAGEMENT_CREDENTIALS,
  };
  // Seeding takes seconds alone; a CI machine busy with other suites can
  // take ten times as long.
}, 180_000);

afterAll(async () => {
  await aws?.stop();
}, 15_000);

async function inAccount(accountId: string): Promise<AccountClients> {
  return accountClients(await assumeAccount(management, accountId), accountId);
}

const dropDot = (name: string) => name.replace(/\.$/, '');

describe('seedReferenceEstate', () => {
  it('creates the organization with 9 accounts in the right OUs, with tags', async () => {
    const org = new OrganizationsClient(clientOptions(management));
    const described = await org.send(new DescribeOrganizationCommand({}));
    expect(described.Organization?.Id).toBe(estate.organizationId);
    expect(described.Organization?.FeatureSet).toBe('ALL');
    expect(estate.managementAccountId).toBe('123456789012');

    const listed = await org.send(new ListAccountsCommand({}));
    const byName = new Map(listed.Accounts?.map(a => [a.Name, a]));
    expect(listed.Accounts).toHaveLength(9);

    const expected: [string, string, string | undefined, string][] = [
      ['Log Archive', 'Security', 'platform-team', 'log-archive'],
      ['Audit', 'Security', undefined, 'audit'],
      ['Identity', 'Shared', 'platform-team', 'identity'],
      ['Operations', 'Shared', 'platform-team', 'operations'],
      ['Network', 'Shared', 'platform-team', 'network'],
      ['Backup', 'Shared', 'platform-team', 'backup'],
      ['Production', 'Workloads', 'app-developers', 'production'],
      ['Sandbox', 'Workloads', 'app-developers', 'sandbox'],
    ];
    for (const [name, ouName, owner, role] of expected) {
      const account = byName.get(name);
      expect(account?.Email).toBe(
        `aws-${name.toLowerCase().replace(' ', '-')}@example.com`,
      );
      const parents = await org.send(
        new ListParentsCommand({ ChildId: account!.Id }),
      );
      expect(parents.Parents?.[0]?.Type).toBe('ORGANIZATIONAL_UNIT');
      const ou = await org.send(
        new DescribeOrganizationalUnitCommand({
          OrganizationalUnitId: parents.Parents![0].Id,
        }),
      );
      expect(ou.OrganizationalUnit?.Name).toBe(ouName);

      const tags = await org.send(
        new ListOrgTagsCommand({ ResourceId: account!.Id }),
      );
      const tagMap = Object.fromEntries(tags.Tags!.map(t => [t.Key, t.Value]));
      expect(tagMap).toEqual(
        owner
          ? { owner, 'aws-platform/role': role }
          : { 'aws-platform/role': role },
      );
      expect(estate.accounts[role as 'audit'].id).toBe(account!.Id);
    }
    // The Audit imperfection, from the API's point of view.
    expect(estate.imperfections.accountWithoutOwner).toBe(
      byName.get('Audit')!.Id,
    );

    const managementTags = await org.send(
      new ListOrgTagsCommand({ ResourceId: '123456789012' }),
    );
    expect(managementTags.Tags).toEqual(
      expect.arrayContaining([
        { Key: 'owner', Value: 'platform-team' },
        { Key: 'aws-platform/role', Value: 'management' },
      ]),
    );
    const managementParents = await org.send(
      new ListParentsCommand({ ChildId: '123456789012' }),
    );
    expect(managementParents.Parents?.[0]).toEqual({
      Id: estate.rootId,
      Type: 'ROOT',
    });
  }, 30_000);

  it('delegates the stage zones from the root zone, with the sandbox drift', async () => {
    const network = await inAccount(estate.accounts.network.id);
    const zones = await network.route53.send(new ListHostedZonesCommand({}));
    expect(zones.HostedZones?.map(z => z.Name)).toEqual(['example.com.']);
    const rootId = estate.zones.root.id;
    expect(zones.HostedZones?.[0].Id).toBe(`/hostedzone/${rootId}`);

    const records = await network.route53.send(
      new ListResourceRecordSetsCommand({ HostedZoneId: rootId }),
    );
    const ns = (name: string) =>
      records.ResourceRecordSets?.find(r => r.Type === 'NS' && r.Name === name);

    // What the child zone says and what the parent delegates, per stage.
    const delegation = async (stage: 'production' | 'sandbox') => {
      const zone = estate.zones[stage];
      expect(zone.accountId).toBe(estate.accounts[stage].id);
      const owner = await inAccount(zone.accountId);
      const own = await owner.route53.send(
        new GetHostedZoneCommand({ Id: zone.id }),
      );
      const tags = await owner.route53.send(
        new ListZoneTagsCommand({
          ResourceType: 'hostedzone',
          ResourceId: zone.id,
        }),
      );
      const record = ns(`${stage}.example.com.`);
      return {
        name: own.HostedZone?.Name,
        tags: tags.ResourceTagSet?.Tags,
        ttl: record?.TTL,
        child: own.DelegationSet!.NameServers!.map(dropDot).sort(),
        parent: record!.ResourceRecords!.map(r => dropDot(r.Value!)).sort(),
      };
    };
    const platformOwned = [{ Key: 'owner', Value: 'platform-team' }];

    const production = await delegation('production');
    expect(production.name).toBe('production.example.com.');
    expect(production.tags).toEqual(platformOwned);
    expect(production.ttl).toBe(3600);
    expect(production.child).toHaveLength(4);
    expect(production.parent).toEqual(production.child);

    // Imperfection: one of the parent's four servers is not the child's.
    const sandbox = await delegation('sandbox');
    expect(sandbox.name).toBe('sandbox.example.com.');
    expect(sandbox.tags).toEqual(platformOwned);
    expect(sandbox.ttl).toBe(3600);
    expect(sandbox.parent).toHaveLength(4);
    expect(sandbox.parent).toContain(dropDot(DRIFTED_NAME_SERVER));
    expect(sandbox.child.filter(s => !sandbox.parent.includes(s))).toEqual([
      dropDot(estate.imperfections.driftedDelegation.childHas),
    ]);
  }, 30_000);

  it('creates the Flightdeck clusters with node groups and SSM parameters', async () => {
    for (const [stage, version] of [
      ['production', '1.33'],
      ['sandbox', '1.28'],
    ] as const) {
      const account = await inAccount(estate.accounts[stage].id);
      const name = `acme-${stage}-v1`;
      const list = await account.eks().send(new ListClustersCommand({}));
      expect(list.clusters).toEqual([name]);
      const { cluster } = await account
        .eks()
        .send(new DescribeClusterCommand({ name }));
      expect(cluster?.version).toBe(version);
      expect(cluster?.arn).toBe(
        `arn:aws:eks:us-east-1:${account.accountId}:cluster/${name}`,
      );
      expect(cluster?.tags).toEqual({
        Module: `cluster/${stage}-v1`,
        owner: 'platform-team',
      });

      const groups = await account
        .eks()
        .send(new ListNodegroupsCommand({ clusterName: name }));
      expect(groups.nodegroups).toEqual([`${name}-general-us-east-1a`]);
      const group = await account.eks().send(
        new DescribeNodegroupCommand({
          clusterName: name,
          nodegroupName: `${name}-general-us-east-1a`,
        }),
      );
      expect(group.nodegroup?.version).toBe(version);

      const issuer = await account.ssm().send(
        new GetParameterCommand({
          Name: `/flightdeck/${name}/oidc_issuer`,
          WithDecryption: true,
        }),
      );
      expect(issuer.Parameter?.Type).toBe('SecureString');
      expect(issuer.Parameter?.Value).toBe(
        cluster!.identity!.oidc!.issuer!.replace('https://', ''),
      );
      expect(issuer.Parameter?.Value).toMatch(/^oidc\.eks\.us-east-1\./);
      const nodeRole = await account.ssm().send(
        new GetParameterCommand({
          Name: `/flightdeck/${name}/node_role_arn`,
          WithDecryption: true,
        }),
      );
      expect(nodeRole.Parameter?.Value).toBe(
        `arn:aws:iam::${account.accountId}:role/${name}-nodes`,
      );
    }
    expect(estate.imperfections.outdatedCluster).toEqual({
      name: 'acme-sandbox-v1',
      version: '1.28',
    });
  }, 30_000);

  it('creates vaults everywhere but a plan only in Production', async () => {
    const vaultNames = async (accountId: string, region: string) => {
      const account = await inAccount(accountId);
      const out = await account
        .backup(region)
        .send(new ListBackupVaultsCommand({}));
      return out.BackupVaultList?.map(v => v.BackupVaultName);
    };
    const { production, sandbox, backup } = estate.accounts;
    expect(await vaultNames(production.id, 'us-east-1')).toEqual([
      'user-backup-vault',
    ]);
    expect(await vaultNames(sandbox.id, 'us-east-1')).toEqual([
      'user-backup-vault',
    ]);
    expect(await vaultNames(backup.id, 'us-east-1')).toEqual([
      'user-backup-vault',
    ]);
    expect(await vaultNames(backup.id, 'us-west-2')).toEqual([
      'user-backup-vault',
    ]);
    expect(await vaultNames(production.id, 'us-west-2')).toEqual([]);
    expect(estate.vaults).toHaveLength(4);

    const prod = await inAccount(production.id);
    const plans = await prod.backup().send(new ListBackupPlansCommand({}));
    expect(plans.BackupPlansList?.map(p => p.BackupPlanName)).toEqual([
      'production-backup-plan',
    ]);
    const plan = await prod.backup().send(
      new GetBackupPlanCommand({
        BackupPlanId: plans.BackupPlansList![0].BackupPlanId,
      }),
    );
    const lifecycle = { MoveToColdStorageAfterDays: 90, DeleteAfterDays: 270 };
    expect(plan.BackupPlan?.Rules).toHaveLength(1);
    expect(plan.BackupPlan?.Rules?.[0]).toMatchObject({
      TargetBackupVaultName: 'user-backup-vault',
      ScheduleExpression: 'cron(0 2 * * ? *)',
      StartWindowMinutes: 60,
      CompletionWindowMinutes: 360,
      Lifecycle: lifecycle,
      CopyActions: [
        {
          DestinationBackupVaultArn: `arn:aws:backup:us-east-1:${backup.id}:backup-vault:user-backup-vault`,
          Lifecycle: lifecycle,
        },
      ],
    });

    const sand = await inAccount(sandbox.id);
    const none = await sand.backup().send(new ListBackupPlansCommand({}));
    expect(none.BackupPlansList).toEqual([]);
    expect(estate.imperfections.accountWithVaultButNoPlan).toBe(sandbox.id);
  }, 30_000);

  it('creates pull-through-policy ECR repositories in Operations', async () => {
    const operations = await inAccount(estate.accounts.operations.id);
    const out = await operations
      .ecr()
      .send(new DescribeRepositoriesCommand({}));
    const repos = out.repositories ?? [];
    expect(repos.map(r => r.repositoryName).sort()).toEqual([
      'acme/storefront',
      'acme/storefront-base',
    ]);
    for (const repo of repos) {
      expect(repo.imageTagMutability).toBe('IMMUTABLE');
      expect(repo.imageScanningConfiguration?.scanOnPush).toBe(true);
      expect(repo.registryId).toBe(operations.accountId);
      const policy = await operations.ecr().send(
        new GetRepositoryPolicyCommand({
          repositoryName: repo.repositoryName,
        }),
      );
      const principals = JSON.parse(policy.policyText!).Statement[0].Principal
        .AWS;
      expect(principals).toEqual([
        `arn:aws:iam::${estate.accounts.production.id}:root`,
        `arn:aws:iam::${estate.accounts.sandbox.id}:root`,
      ]);
    }
  }, 30_000);

  it('creates the OIDC providers the clusters and GitHub Actions roles trust', async () => {
    const { operations, production, sandbox } = estate.accounts;
    const issuer = estate.clusters.sandbox.oidcIssuer;
    const github = 'token.actions.githubusercontent.com';
    expect(estate.oidcProviders).toEqual([
      `arn:aws:iam::${production.id}:oidc-provider/${issuer}`,
      `arn:aws:iam::${sandbox.id}:oidc-provider/${issuer}`,
      `arn:aws:iam::${operations.id}:oidc-provider/${github}`,
      `arn:aws:iam::${production.id}:oidc-provider/${github}`,
      `arn:aws:iam::${sandbox.id}:oidc-provider/${github}`,
    ]);
    const listed = async (accountId: string) =>
      (
        await listOidcProviders(await assumeAccount(management, accountId))
      ).sort();
    expect(await listed(sandbox.id)).toEqual([
      `arn:aws:iam::${sandbox.id}:oidc-provider/${issuer}`,
      `arn:aws:iam::${sandbox.id}:oidc-provider/${github}`,
    ]);
    expect(await listed(operations.id)).toEqual([
      `arn:aws:iam::${operations.id}:oidc-provider/${github}`,
    ]);
  }, 30_000);

  it('gives the same ids after another reset, and on a fresh server', async () => {
    await aws.reset();
    expect(await seedReferenceEstate({ endpoint: aws.endpoint })).toEqual(
      estate,
    );

    const other = await startLocalAws();
    try {
      await other.reset();
      const fresh = await seedReferenceEstate({ endpoint: other.endpoint });
      expect(fresh).toEqual(estate);
    } finally {
      await other.stop();
    }
  }, 60_000);

  it('frees the port when stopped, and stop() can be called twice', async () => {
    await aws.stop();
    await aws.stop();
    expect(await isLoopbackPortFree(aws.port)).toBe(true);
    await expect(fetch(`${aws.endpoint}/moto-api/`)).rejects.toThrow();
  }, 20_000);
});
