import {
  BackupClient,
  CreateBackupPlanCommand,
  CreateBackupSelectionCommand,
  GetBackupSelectionCommand,
  ListBackupSelectionsCommand,
  ListBackupVaultsCommand,
  ServiceUnavailableException as BackupServiceUnavailable,
} from '@aws-sdk/client-backup';
import {
  EKSClient,
  ListClustersCommand,
  ServerException as EksServerException,
  ThrottlingException as EksThrottling,
} from '@aws-sdk/client-eks';
import {
  ListRootsCommand,
  OrganizationsClient,
  ServiceException as OrganizationsServiceException,
  TooManyRequestsException,
} from '@aws-sdk/client-organizations';
import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  GetHostedZoneCommand,
  HostedZoneAlreadyExists,
  InvalidChangeBatch,
  ListResourceRecordSetsCommand,
  ListHostedZonesByNameCommand,
  ListHostedZonesCommand,
  PriorRequestNotComplete,
  Route53Client,
} from '@aws-sdk/client-route-53';
import {
  GetParameterCommand,
  SSMClient,
  ThrottlingException as SsmThrottling,
} from '@aws-sdk/client-ssm';
import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { startLocalAws } from '../emulator.ts';
import type { LocalAws } from '../emulator.ts';
import { startFaultProxy } from './faultProxy.ts';
import type { FaultProxy } from './faultProxy.ts';

// The proxy in front of a real moto, called with the real SDK v3 clients:
// each injected error must parse into the class (and retry decision) the
// SDK gives AWS's own answer.
jest.setTimeout(60_000);

const SANDBOX = '171870262174';
const PRODUCTION = '715451680876';

let moto: LocalAws;
let proxy: FaultProxy;

beforeAll(async () => {
  moto = await startLocalAws();
  await moto.reset();
});

afterAll(async () => {
  await moto?.stop();
});

beforeEach(async () => {
  proxy = await startFaultProxy({
    target: moto.endpoint,
    seed: 7,
    emulatorGaps: true,
  });
});

afterEach(async () => {
  await proxy?.close();
});

type Credentials = {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
};

function options(maxAttempts = 2, credentials?: Credentials) {
  return {
    endpoint: proxy.endpoint,
    region: 'us-east-1',
    credentials: credentials ?? {
      accessKeyId: 'test',
      secretAccessKey: 'test',
    },
    maxAttempts,
  };
}

async function failure(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('the call succeeded');
}

async function assume(accountId: string): Promise<Credentials> {
  const { Credentials: c } = await new STSClient(options(1)).send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`,
      RoleSessionName: 'fault-proxy-test',
    }),
  );
  return {
    accessKeyId: c!.AccessKeyId!,
    secretAccessKey: c!.SecretAccessKey!,
    sessionToken: c!.SessionToken,
  };
}

describe('startFaultProxy', () => {
  it("answers throttled calls with each protocol's own error, which the SDK retries", async () => {
    proxy.setRules([{ fault: { kind: 'throttle' } }]);
    const [organizations, sts, route53, eks, backup, ssm] = await Promise.all([
      failure(
        new OrganizationsClient(options()).send(new ListRootsCommand({})),
      ),
      failure(new STSClient(options()).send(new GetCallerIdentityCommand({}))),
      failure(
        new Route53Client(options()).send(new ListHostedZonesCommand({})),
      ),
      failure(new EKSClient(options()).send(new ListClustersCommand({}))),
      failure(
        new BackupClient(options()).send(new ListBackupVaultsCommand({})),
      ),
      failure(
        new SSMClient(options()).send(new GetParameterCommand({ Name: 'x' })),
      ),
    ]);

    // awsJson
    expect(organizations).toBeInstanceOf(TooManyRequestsException);
    expect(ssm).toBeInstanceOf(SsmThrottling);
    // awsQuery and restXml: no modelled class; the SDK names the error by its code
    expect(sts).toMatchObject({ name: 'Throttling', message: 'Rate exceeded' });
    expect(route53).toMatchObject({ name: 'Throttling' });
    // restJson: x-amzn-ErrorType
    expect(eks).toBeInstanceOf(EksThrottling);
    expect(eks.$metadata.httpStatusCode).toBe(429);
    expect(backup).toMatchObject({ name: 'ThrottlingException' });
    expect(backup.$metadata.httpStatusCode).toBe(400);

    // Every one was retried once (maxAttempts 2) with a throttling backoff.
    for (const error of [organizations, sts, route53, eks, backup, ssm]) {
      expect(error.$metadata.attempts).toBe(2);
      expect(error.$metadata.totalRetryDelay).toBeGreaterThan(0);
    }
    const stats = proxy.stats();
    expect(stats.requests).toBe(12);
    expect(stats.retries).toBe(6);
    expect(stats.faults).toEqual({ throttle: 12 });
    expect(stats.operations).toContainEqual({
      service: 'eks',
      operation: 'ListClusters',
      calls: 2,
      retries: 1,
      faults: 2,
    });
  });

  it("sends Route 53's PriorRequestNotComplete, and stops throttling after `times`", async () => {
    proxy.setRules([
      {
        match: { service: 'route53' },
        fault: { kind: 'throttle', variant: 'prior-request-not-complete' },
        times: 1,
      },
    ]);
    const route53 = new Route53Client(options(1));
    const error = await failure(route53.send(new ListHostedZonesCommand({})));
    expect(error).toBeInstanceOf(PriorRequestNotComplete);
    await expect(
      route53.send(new ListHostedZonesCommand({})),
    ).resolves.toMatchObject({ HostedZones: [] });
  });

  it("answers 5xx with each service's server error, which the SDK retries", async () => {
    proxy.setRules([
      { match: { service: 'eks' }, fault: { kind: 'server-error' } },
      {
        match: { service: 'backup' },
        fault: { kind: 'server-error', status: 503 },
      },
      { match: { service: 'organizations' }, fault: { kind: 'server-error' } },
    ]);
    const [eks, backup, organizations] = await Promise.all([
      failure(new EKSClient(options()).send(new ListClustersCommand({}))),
      failure(
        new BackupClient(options()).send(new ListBackupVaultsCommand({})),
      ),
      failure(
        new OrganizationsClient(options()).send(new ListRootsCommand({})),
      ),
    ]);
    expect(eks).toBeInstanceOf(EksServerException);
    expect(backup).toBeInstanceOf(BackupServiceUnavailable);
    expect(backup.$metadata.httpStatusCode).toBe(503);
    expect(organizations).toBeInstanceOf(OrganizationsServiceException);
    for (const error of [eks, backup, organizations]) {
      expect(error.$fault).toBe('server');
      expect(error.$metadata.attempts).toBe(2);
    }
  });

  it('adds latency and still forwards to the emulator', async () => {
    proxy.setRules([
      {
        match: { operation: 'ListHostedZones' },
        fault: { kind: 'latency', ms: 300 },
      },
    ]);
    const started = Date.now();
    const out = await new Route53Client(options(1)).send(
      new ListHostedZonesCommand({}),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(out.HostedZones).toEqual([]);
    expect(proxy.stats().faults).toEqual({ latency: 1 });
  });

  it('drops connections before the emulator sees the request, or after it acted on it', async () => {
    const route53 = new Route53Client(options(2));
    proxy.setRules([{ fault: { kind: 'drop' } }]);
    const dropped = await failure(route53.send(new ListHostedZonesCommand({})));
    expect(dropped.$metadata.attempts).toBe(2); // a reset connection is retried
    expect(proxy.stats().faults).toEqual({ drop: 2 });

    // The zone is created although the caller never hears of it.
    proxy.setRules([
      {
        name: 'lost-answer',
        match: { mutating: true },
        fault: { kind: 'drop', when: 'after' },
        times: 1,
      },
    ]);
    await failure(
      new Route53Client(options(1)).send(
        new CreateHostedZoneCommand({
          Name: 'dropped.test',
          CallerReference: 'dropped-1',
        }),
      ),
    );
    // A retry with the same CallerReference gets Route 53's answer, no second zone.
    const retried = await failure(
      new Route53Client(options(1)).send(
        new CreateHostedZoneCommand({
          Name: 'dropped.test',
          CallerReference: 'dropped-1',
        }),
      ),
    );
    expect(retried).toBeInstanceOf(HostedZoneAlreadyExists);
    expect(retried.$metadata.httpStatusCode).toBe(409);
    const { HostedZones } = await route53.send(
      new ListHostedZonesByNameCommand({ DNSName: 'dropped.test.' }),
    );
    expect(HostedZones?.filter(z => z.Name === 'dropped.test.')).toHaveLength(
      1,
    );
    expect(proxy.stats().faults).toMatchObject({ 'lost-answer': 1 });
  });

  it('refuses to CREATE a record set that exists, as Route 53 does', async () => {
    const route53 = new Route53Client(options(1));
    const { HostedZone } = await route53.send(
      new CreateHostedZoneCommand({
        Name: 'records.test',
        CallerReference: 'r',
      }),
    );
    const create = () =>
      route53.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: HostedZone!.Id,
          ChangeBatch: {
            Changes: [
              {
                Action: 'CREATE',
                ResourceRecordSet: {
                  Name: 'www.records.test',
                  Type: 'A',
                  TTL: 60,
                  ResourceRecords: [{ Value: '192.0.2.1' }],
                },
              },
            ],
          },
        }),
      );
    await create();
    const second = await failure(create());
    expect(second).toBeInstanceOf(InvalidChangeBatch);
    expect(second.message).toBe(
      "[Tried to create resource record set [name='www.records.test.', type='A'] but it already exists]",
    );
    const { ResourceRecordSets } = await route53.send(
      new ListResourceRecordSetsCommand({ HostedZoneId: HostedZone!.Id }),
    );
    expect(
      ResourceRecordSets?.filter(r => r.Name === 'www.records.test.'),
    ).toHaveLength(1);
  });

  it('replaces a record set in one DELETE + CREATE batch only when the DELETE names it as it is, as Route 53 does', async () => {
    const route53 = new Route53Client(options(1));
    const { HostedZone } = await route53.send(
      new CreateHostedZoneCommand({
        Name: 'replace.test',
        CallerReference: 'replace',
      }),
    );
    const record = (value: string, ttl = 60) => ({
      Name: 'www.replace.test',
      Type: 'A' as const,
      TTL: ttl,
      ResourceRecords: [{ Value: value }],
    });
    const change = (
      changes: { Action: 'CREATE' | 'DELETE'; ResourceRecordSet: any }[],
    ) =>
      route53.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: HostedZone!.Id,
          ChangeBatch: { Changes: changes },
        }),
      );
    const values = async () => {
      const { ResourceRecordSets } = await route53.send(
        new ListResourceRecordSetsCommand({ HostedZoneId: HostedZone!.Id }),
      );
      return ResourceRecordSets?.filter(
        r => r.Name === 'www.replace.test.',
      ).map(r => [r.TTL, ...(r.ResourceRecords ?? []).map(v => v.Value)]);
    };
    const replace = (from: any, to: any) =>
      change([
        { Action: 'DELETE', ResourceRecordSet: from },
        { Action: 'CREATE', ResourceRecordSet: to },
      ]);

    await change([
      { Action: 'CREATE', ResourceRecordSet: record('192.0.2.1') },
    ]);
    await replace(record('192.0.2.1'), record('192.0.2.2'));
    expect(await values()).toEqual([[60, '192.0.2.2']]);
    // Back to a set created before (moto alone refuses that CREATE).
    await replace(record('192.0.2.2'), record('192.0.2.1'));
    expect(await values()).toEqual([[60, '192.0.2.1']]);

    // A DELETE of what the record no longer is: the whole batch is refused.
    for (const stale of [record('192.0.2.9'), record('192.0.2.1', 300)]) {
      const refused = await failure(replace(stale, record('192.0.2.3')));
      expect(refused).toBeInstanceOf(InvalidChangeBatch);
      expect(refused.message).toBe(
        "[Tried to delete resource record set [name='www.replace.test.', type='A'] but the values provided do not match the current values]",
      );
    }
    expect(await values()).toEqual([[60, '192.0.2.1']]);
  });

  it('gives each zone created through it name servers of its own, as AWS does', async () => {
    const route53 = new Route53Client(options(1));
    const create = (name: string) =>
      route53.send(
        new CreateHostedZoneCommand({ Name: name, CallerReference: name }),
      );
    const first = await create('one.servers.test');
    const second = await create('two.servers.test');
    const servers = (out: typeof first) => out.DelegationSet?.NameServers;
    expect(servers(first)).toHaveLength(4);
    expect(servers(first)).not.toEqual(servers(second));
    for (const server of servers(first)!) {
      expect(server).toMatch(
        /^ns-\d{1,4}\.awsdns-\d{1,2}\.(com|net|org|co\.uk)$/,
      );
    }
    const read = await route53.send(
      new GetHostedZoneCommand({ Id: first.HostedZone!.Id }),
    );
    expect(read.DelegationSet?.NameServers).toEqual(servers(first));
    // A zone made straight in the emulator keeps the servers it was given.
    const direct = await new Route53Client({
      ...options(1),
      endpoint: moto.endpoint,
    }).send(
      new CreateHostedZoneCommand({
        Name: 'direct.servers.test',
        CallerReference: 'direct',
      }),
    );
    const viaProxy = await route53.send(
      new GetHostedZoneCommand({ Id: direct.HostedZone!.Id }),
    );
    expect(viaProxy.DelegationSet?.NameServers).toEqual(
      direct.DelegationSet?.NameServers,
    );
  });

  it("makes one account's role impossible to assume and revokes its sessions", async () => {
    const sandbox = await assume(SANDBOX);
    const sandboxSts = new STSClient(options(1, sandbox));
    await expect(
      sandboxSts.send(new GetCallerIdentityCommand({})),
    ).resolves.toMatchObject({ Account: SANDBOX });

    proxy.denyAccount(SANDBOX);
    const denied = await failure(assume(SANDBOX));
    expect(denied).toMatchObject({ name: 'AccessDenied' });
    expect(denied.$metadata.httpStatusCode).toBe(403);
    expect(denied.message).toContain(
      `sts:AssumeRole on resource: arn:aws:iam::${SANDBOX}:role/OrganizationAccountAccessRole`,
    );
    // Sessions issued earlier are refused too, in each protocol's form.
    expect(
      await failure(sandboxSts.send(new GetCallerIdentityCommand({}))),
    ).toMatchObject({ name: 'AccessDenied' });
    expect(
      await failure(
        new EKSClient(options(1, sandbox)).send(new ListClustersCommand({})),
      ),
    ).toMatchObject({ name: 'AccessDeniedException' });
    // Other accounts and the management account are untouched.
    await expect(assume(PRODUCTION)).resolves.toHaveProperty('accessKeyId');
    await expect(
      new STSClient(options(1)).send(new GetCallerIdentityCommand({})),
    ).resolves.toMatchObject({ Account: '123456789012' });

    proxy.allowAccount(SANDBOX);
    await expect(assume(SANDBOX)).resolves.toHaveProperty('accessKeyId');
    expect(proxy.stats().faults).toEqual({ denied: 3 });
  });

  it('applies rules per account, taken from the credentials AssumeRole issued', async () => {
    const [sandbox, production] = await Promise.all([
      assume(SANDBOX),
      assume(PRODUCTION),
    ]);
    proxy.setRules([
      { match: { accountId: SANDBOX }, fault: { kind: 'server-error' } },
    ]);
    await expect(
      failure(
        new EKSClient(options(1, sandbox)).send(new ListClustersCommand({})),
      ),
    ).resolves.toBeInstanceOf(EksServerException);
    await expect(
      new EKSClient(options(1, production)).send(new ListClustersCommand({})),
    ).resolves.toMatchObject({ clusters: [] });
  });

  it('drops every connection while offline, and forwards to a new target after a restart, where earlier sessions still hold', async () => {
    proxy.setOffline(true);
    const sts = new STSClient(options(1));
    await failure(sts.send(new GetCallerIdentityCommand({})));
    proxy.setOffline(false);

    const sandbox = await assume(SANDBOX);
    const second = await startLocalAws();
    try {
      proxy.setTarget(second.endpoint);
      // The new emulator never issued these keys; the session still holds.
      await expect(
        new STSClient(options(1, sandbox)).send(
          new GetCallerIdentityCommand({}),
        ),
      ).resolves.toMatchObject({ Account: SANDBOX });
      await new Route53Client(options(1)).send(
        new CreateHostedZoneCommand({
          Name: 'second.test',
          CallerReference: 's',
        }),
      );
      const onSecond = await new Route53Client({
        ...options(1),
        endpoint: second.endpoint,
      }).send(new ListHostedZonesByNameCommand({ DNSName: 'second.test.' }));
      expect(onSecond.HostedZones?.[0]?.Name).toBe('second.test.');
      await second.stop();
      // The emulator is gone: the client's connection is dropped.
      await failure(sts.send(new GetCallerIdentityCommand({})));
      expect(proxy.stats().faults).toEqual({
        offline: 1,
        'upstream-unreachable': 1,
      });
    } finally {
      proxy.setTarget(moto.endpoint);
      await second.stop();
    }
  });

  it('holds requests until the emulator is swapped, then forwards them', async () => {
    let release: () => void = () => {};
    proxy.hold(new Promise<void>(resolve => (release = resolve)));
    const started = Date.now();
    const call = new STSClient(options(1)).send(
      new GetCallerIdentityCommand({}),
    );
    setTimeout(() => release(), 300);
    await expect(call).resolves.toMatchObject({ Account: '123456789012' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("stands in for moto's missing backup selection API, one selection per CreatorRequestId", async () => {
    const backup = new BackupClient(options(1));
    const { BackupPlanId } = await backup.send(
      new CreateBackupPlanCommand({
        BackupPlan: {
          BackupPlanName: 'selections-test',
          Rules: [{ RuleName: 'r', TargetBackupVaultName: 'Default' }],
        },
      }),
    );
    const create = () =>
      backup.send(
        new CreateBackupSelectionCommand({
          BackupPlanId,
          CreatorRequestId: 'request-1',
          BackupSelection: {
            SelectionName: 'tagged',
            IamRoleArn: 'arn:aws:iam::123456789012:role/backup',
            ListOfTags: [
              {
                ConditionType: 'STRINGEQUALS',
                ConditionKey: 'Backup',
                ConditionValue: 'true',
              },
            ],
          },
        }),
      );
    const first = await create();
    const again = await create();
    expect(again.SelectionId).toBe(first.SelectionId);
    const { BackupSelectionsList } = await backup.send(
      new ListBackupSelectionsCommand({ BackupPlanId }),
    );
    expect(BackupSelectionsList).toEqual([
      expect.objectContaining({
        SelectionId: first.SelectionId,
        SelectionName: 'tagged',
      }),
    ]);
    const got = await backup.send(
      new GetBackupSelectionCommand({
        BackupPlanId,
        SelectionId: first.SelectionId,
      }),
    );
    expect(got.BackupSelection?.ListOfTags?.[0].ConditionKey).toBe('Backup');
    expect(
      await failure(
        backup.send(
          new ListBackupSelectionsCommand({ BackupPlanId: 'no-such-plan' }),
        ),
      ),
    ).toMatchObject({ name: 'ResourceNotFoundException' });
    expect(proxy.selections.list({ planId: BackupPlanId })).toHaveLength(1);
  });

  it('draws the same faults for the same seed and requests', async () => {
    const run = async (seed: number) => {
      proxy.setRules(
        [
          {
            match: { service: 'sts' },
            fault: { kind: 'throttle' },
            probability: 0.5,
          },
        ],
        seed,
      );
      const sts = new STSClient(options(1));
      const outcomes: string[] = [];
      for (let i = 0; i < 16; i++) {
        outcomes.push(
          await sts.send(new GetCallerIdentityCommand({})).then(
            () => 'ok',
            () => 'throttled',
          ),
        );
      }
      return outcomes.join(' ');
    };
    const first = await run(1);
    expect(first).toContain('ok');
    expect(first).toContain('throttled');
    expect(await run(1)).toBe(first);
    expect(await run(2)).not.toBe(first);
  });

  it('stops itself when idle, and forwards only to loopback', async () => {
    const idle = await startFaultProxy({
      target: moto.endpoint,
      idleTimeoutMs: 200,
    });
    await expect(idle.closed).resolves.toBe('idle for 200 ms');
    await expect(
      startFaultProxy({ target: 'http://example.com:80' }),
    ).rejects.toThrow('only forwards to http://127.0.0.1');
  });
});
