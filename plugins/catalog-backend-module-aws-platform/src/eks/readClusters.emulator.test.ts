import { EKSClient } from '@aws-sdk/client-eks';
import { SSMClient } from '@aws-sdk/client-ssm';
import {
  LocalAws,
  ReferenceEstate,
  startReferenceEstate,
} from '@internal/local-aws';
import { readClusters } from './readClusters';

// readClusters against moto seeded with the guide's reference estate
// (packages/local-aws). moto serves no EKS add-on API, which exercises the
// "add-ons unknown" path with the SDK's real error, not a mocked one.
jest.setTimeout(60_000);

let localAws: LocalAws;
let estate: ReferenceEstate;

beforeAll(async () => {
  ({ localAws, estate } = await startReferenceEstate());
});

afterAll(async () => {
  await localAws?.stop();
});

type RequestWithHeaders = { headers: Record<string, string> };

// moto picks the account from this header (see the emulator notes), which
// spares an AssumeRole per account in the test.
function clientsIn(accountId: string): { eks: EKSClient; ssm: SSMClient } {
  const config = {
    endpoint: localAws.endpoint,
    region: estate.region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    // Unimplemented moto routes answer 500, which the SDK would retry.
    maxAttempts: 1,
  };
  const eks = new EKSClient(config);
  const ssm = new SSMClient(config);
  eks.middlewareStack.add(
    next => async args => {
      (args.request as RequestWithHeaders).headers['x-moto-account-id'] =
        accountId;
      return next(args);
    },
    { step: 'build', name: 'motoAccount' },
  );
  ssm.middlewareStack.add(
    next => async args => {
      (args.request as RequestWithHeaders).headers['x-moto-account-id'] =
        accountId;
      return next(args);
    },
    { step: 'build', name: 'motoAccount' },
  );
  return { eks, ssm };
}

describe('readClusters on the reference estate', () => {
  it('reads each account’s Flightdeck cluster with its node group and marker', async () => {
    for (const stage of ['production', 'sandbox'] as const) {
      const seeded = estate.clusters[stage];
      const { eks, ssm } = clientsIn(seeded.accountId);

      const clusters = await readClusters(eks, ssm);

      expect(clusters).toHaveLength(1);
      const [cluster] = clusters;
      expect(cluster).toMatchObject({
        name: seeded.name,
        arn: seeded.arn,
        version: seeded.version,
        status: 'ACTIVE',
        tags: seeded.tags,
        flightdeck: {
          detected: true,
          parameters: [
            seeded.ssmParameters.nodeRoleArn,
            seeded.ssmParameters.oidcIssuer,
          ],
        },
      });
      expect(cluster.endpoint).toMatch(/^https:\/\//);
      expect(cluster.certificateAuthority).toBeTruthy();
      expect(cluster.nodegroups).toEqual([
        expect.objectContaining({
          name: seeded.nodegroup,
          version: seeded.version,
          minSize: 1,
          maxSize: 3,
          desiredSize: 2,
        }),
      ]);
      // moto answers ListAddons with an HTML 404.
      expect(cluster.addons).toBeUndefined();
    }
    expect(estate.clusters.sandbox.version).toBe('1.28');
  });

  it('reads nothing in an account without clusters', async () => {
    const { eks, ssm } = clientsIn(estate.accounts.network.id);
    await expect(readClusters(eks, ssm)).resolves.toEqual([]);
  });
});
