// aws-sdk-client-mock on STS: these tests fix the exact AssumeRole request
// (session name, source identity, external id, partition) and how often it
// is made. The emulator test (attributedSessions.emulator.test.ts) shows the
// same sessions against moto's STS.
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { mockServices } from '@backstage/backend-test-utils';
import { mockClient } from 'aws-sdk-client-mock';
import { DefaultAwsClientFactory } from './awsClientFactory';
import { TokenBucket } from './tokenBucket';

const MEMBER = '210987654321';
const JANE = { userEntityRef: 'user:default/jane.doe' };
const sts = mockClient(STSClient);

function factoryFor(aws: object, awsPlatform: object = {}) {
  return DefaultAwsClientFactory.fromConfig(
    mockServices.rootConfig({
      data: {
        aws: {
          mainAccount: { accessKeyId: 'AKIAMAIN', secretAccessKey: 'main' },
          ...aws,
        },
        awsPlatform,
      },
    }),
  );
}

function sessionCredentials(n = 1) {
  return {
    Credentials: {
      AccessKeyId: `ASIASESSION${n}`,
      SecretAccessKey: 'session',
      SessionToken: 'token',
      Expiration: new Date(Date.now() + 900_000),
    },
  };
}

async function credentialsOf(
  factory: DefaultAwsClientFactory,
  target: Parameters<DefaultAwsClientFactory['createClient']>[1],
) {
  const client = await factory.createClient(OrganizationsClient, target);
  return client.config.credentials();
}

function throttling() {
  return Object.assign(new Error('Rate exceeded'), { name: 'Throttling' });
}

beforeEach(() => {
  sts.reset();
  sts.on(AssumeRoleCommand).resolves(sessionCredentials());
});

afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('clients with an actor', () => {
  it("assume the account's role from the main account, in a session named after the user", async () => {
    const factory = factoryFor({
      accountDefaults: { roleName: 'BackstageChanges', externalId: 'ext-1' },
    });
    const credentials = await credentialsOf(factory, {
      accountId: MEMBER,
      region: 'eu-west-1',
      actor: JANE,
    });

    expect(credentials).toMatchObject({
      accessKeyId: 'ASIASESSION1',
      sessionToken: 'token',
    });
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(1);
    const [call] = sts.commandCalls(AssumeRoleCommand);
    expect(call.args[0].input).toEqual({
      RoleArn: `arn:aws:iam::${MEMBER}:role/BackstageChanges`,
      RoleSessionName: 'backstage@default.jane.doe',
      SourceIdentity: 'backstage@default.jane.doe',
      ExternalId: 'ext-1',
      DurationSeconds: 900,
    });
    const stsClient = call.thisValue as STSClient;
    await expect(stsClient.config.credentials()).resolves.toMatchObject({
      accessKeyId: 'AKIAMAIN',
    });
    await expect(stsClient.config.region()).resolves.toBe('us-east-1');
  });

  it("use the account's own entry of aws.accounts over the defaults", async () => {
    const factory = factoryFor({
      accounts: [
        {
          accountId: MEMBER,
          roleName: 'GovChanges',
          partition: 'aws-us-gov',
          region: 'us-gov-west-1',
          externalId: 'ext-gov',
        },
      ],
      accountDefaults: { roleName: 'BackstageChanges' },
    });
    await credentialsOf(factory, {
      accountId: MEMBER,
      region: 'us-gov-west-1',
      actor: JANE,
    });
    const [call] = sts.commandCalls(AssumeRoleCommand);
    expect(call.args[0].input).toMatchObject({
      RoleArn: `arn:aws-us-gov:iam::${MEMBER}:role/GovChanges`,
      ExternalId: 'ext-gov',
    });
    await expect((call.thisValue as STSClient).config.region()).resolves.toBe(
      'us-gov-west-1',
    );
  });

  it("assume the role with the account entry's own keys, as integration-aws-node does", async () => {
    const factory = factoryFor({
      accounts: [
        {
          accountId: MEMBER,
          roleName: 'BackstageChanges',
          accessKeyId: 'AKIAMEMBER',
          secretAccessKey: 'member',
        },
      ],
    });
    await credentialsOf(factory, {
      accountId: MEMBER,
      region: 'us-east-1',
      actor: JANE,
    });
    const [call] = sts.commandCalls(AssumeRoleCommand);
    await expect(
      (call.thisValue as STSClient).config.credentials(),
    ).resolves.toMatchObject({ accessKeyId: 'AKIAMEMBER' });
  });

  it('keep a hostile ref inside STS alphabet in both the name and the source identity', async () => {
    const factory = factoryFor({ accountDefaults: { roleName: 'R' } });
    await credentialsOf(factory, {
      accountId: MEMBER,
      region: 'us-east-1',
      actor: {
        userEntityRef: `user:default/jane\n\u2028\u202e${'x'.repeat(99)}`,
      },
    });
    const { input } = sts.commandCalls(AssumeRoleCommand)[0].args[0];
    expect(input.RoleSessionName).toMatch(/^[\w+=,.@-]{2,64}$/);
    expect(input.SourceIdentity).toBe(input.RoleSessionName);
  });

  it('share one session per account and user until shortly before it expires', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-04T17:00:00Z') });
    sts
      .on(AssumeRoleCommand)
      .callsFake(() => sessionCredentials(sts.calls().length));
    const factory = factoryFor({ accountDefaults: { roleName: 'R' } });
    const jane = { accountId: MEMBER, region: 'us-east-1', actor: JANE };

    await Promise.all([
      credentialsOf(factory, jane),
      credentialsOf(factory, { ...jane, region: 'eu-west-1' }),
      credentialsOf(factory, jane),
    ]);
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(1);

    await credentialsOf(factory, {
      ...jane,
      actor: { userEntityRef: 'user:default/max' },
    });
    await credentialsOf(factory, { ...jane, accountId: '111122223333' });
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(3);

    // 15-minute sessions are renewed 5 minutes before they expire.
    jest.setSystemTime(new Date('2026-12-04T17:11:00Z'));
    await expect(credentialsOf(factory, jane)).resolves.toMatchObject({
      accessKeyId: 'ASIASESSION4',
    });
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(4);
  });

  it('pace AssumeRole through the shared AssumeRole bucket and retry it when STS throttles', async () => {
    sts
      .on(AssumeRoleCommand)
      .rejectsOnce(throttling())
      .resolves(sessionCredentials());
    const take = jest.spyOn(TokenBucket.prototype, 'take');
    const factory = factoryFor(
      { accountDefaults: { roleName: 'R' } },
      { aws: { maxAttempts: 3 } },
    );
    await credentialsOf(factory, {
      accountId: MEMBER,
      region: 'us-east-1',
      actor: JANE,
    });
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(2);
    // One token per AssumeRole attempt (the mocked STS client never asks
    // for the main account's credentials, which would take one more).
    expect(take).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['the account has no role', {}, MEMBER, JANE, /has no role to assume/],
    [
      'the role is assumed with a web identity token',
      {
        accountDefaults: {
          roleName: 'R',
          webIdentityTokenFile: '/var/run/token',
        },
      },
      MEMBER,
      JANE,
      /web identity token/,
    ],
    [
      'no account is given (the main account)',
      { accountDefaults: { roleName: 'R' } },
      undefined,
      JANE,
      /main account has no role/,
    ],
    [
      'the task has no user',
      { accountDefaults: { roleName: 'R' } },
      MEMBER,
      { userEntityRef: undefined },
      /names none/,
    ],
  ])(
    'are refused, before any AWS call, when %s',
    async (_case, aws, accountId, actor, message) => {
      const factory = factoryFor(aws);
      await expect(
        factory.createClient(OrganizationsClient, {
          accountId,
          region: 'us-east-1',
          actor,
        }),
      ).rejects.toMatchObject({ name: 'NotAllowedError', message });
      expect(sts.calls()).toHaveLength(0);
    },
  );

  it('are refused by a factory built without the account roles', async () => {
    const factory = new DefaultAwsClientFactory({
      credentialsManager: {
        getCredentialProvider: async () => ({
          sdkCredentialProvider: async () => ({
            accessKeyId: 'AKIAMAIN',
            secretAccessKey: 'main',
          }),
        }),
      },
    });
    await expect(
      factory.createClient(OrganizationsClient, {
        accountId: MEMBER,
        region: 'us-east-1',
        actor: JANE,
      }),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
  });
});

describe('clients without an actor', () => {
  it("keep the backend's own credentials of integration-aws-node", async () => {
    const sdkCredentialProvider = jest.fn(async () => ({
      accessKeyId: 'ASIABACKSTAGE',
      secretAccessKey: 's',
    }));
    const getCredentialProvider = jest.fn(async () => ({
      accountId: MEMBER,
      sdkCredentialProvider,
    }));
    const factory = new DefaultAwsClientFactory({
      credentialsManager: { getCredentialProvider },
      accountRoles: () => {
        throw new Error('not used without an actor');
      },
    });
    await expect(
      credentialsOf(factory, { accountId: MEMBER, region: 'us-east-1' }),
    ).resolves.toMatchObject({ accessKeyId: 'ASIABACKSTAGE' });
    expect(getCredentialProvider).toHaveBeenCalledWith({ accountId: MEMBER });
    expect(sts.calls()).toHaveLength(0);
  });
});
