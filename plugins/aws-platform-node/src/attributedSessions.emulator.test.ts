import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ConfigReader } from '@backstage/config';
import { useReferenceEstate } from '@internal/local-aws';
import { DefaultAwsClientFactory } from './awsClientFactory';

// moto's STS on the reference estate: the session a client with an actor
// acts in, as AWS (and CloudTrail) sees it.
jest.setTimeout(60_000);

const local = useReferenceEstate();

function estateFactory() {
  return DefaultAwsClientFactory.fromConfig(
    new ConfigReader({
      aws: { accountDefaults: { roleName: 'OrganizationAccountAccessRole' } },
    }),
  );
}

async function callerIn(
  factory: DefaultAwsClientFactory,
  accountId: string,
  userEntityRef?: string,
) {
  const sts = await factory.createClient(STSClient, {
    accountId,
    region: 'us-east-1',
    actor: userEntityRef ? { userEntityRef } : undefined,
  });
  return sts.send(new GetCallerIdentityCommand({}));
}

describe('clients with an actor on the emulator', () => {
  it("act in a session of the member account's role named after the user", async () => {
    const sandbox = local.estate.accounts.sandbox.id;
    const caller = await callerIn(
      estateFactory(),
      sandbox,
      'user:default/jane.doe',
    );
    expect(caller.Account).toBe(sandbox);
    expect(caller.Arn).toBe(
      `arn:aws:sts::${sandbox}:assumed-role/OrganizationAccountAccessRole/backstage@default.jane.doe`,
    );
  });

  it('give each user their own session, next to the backend', async () => {
    const factory = estateFactory();
    const network = local.estate.accounts.network.id;
    const [jane, max, backend] = await Promise.all([
      callerIn(factory, network, 'user:default/jane.doe'),
      callerIn(factory, network, 'user:default/max\nforged'),
      callerIn(factory, network),
    ]);
    expect(jane.Arn).toMatch(/\/backstage@default\.jane\.doe$/);
    expect(max.Arn).toMatch(/\/backstage@default\.max-forged\+[0-9a-f]{12}$/);
    // Reads without an actor keep integration-aws-node's session.
    expect(backend.Arn).toBe(
      `arn:aws:sts::${network}:assumed-role/OrganizationAccountAccessRole/backstage`,
    );
  });
});
