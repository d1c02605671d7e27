import { ConfigReader } from '@backstage/config';
import { readFlightdeckConfig } from './flightdeckConfig';

const cluster = {
  name: 'acme-sandbox-v1',
  accountId: '171870262174',
  region: 'us-east-1',
  hostedZone: 'Sandbox.Example.com.',
  ingress: {
    dnsName: 'acme-sandbox-123.us-east-1.elb.amazonaws.com',
    hostedZoneId: 'Z35SXDOTRQ7X7K',
  },
};
const section = {
  operationsAccountId: '708053100330',
  repositoryNamespace: 'acme',
  githubOwners: ['acme', 'Acme-Labs'],
  clusters: [cluster],
};

describe('readFlightdeckConfig', () => {
  it('reads the section with its defaults', () => {
    expect(readFlightdeckConfig(new ConfigReader(section))).toEqual({
      operationsAccountId: '708053100330',
      ecrRegion: 'us-east-1',
      repositoryNamespace: 'acme',
      githubOwners: ['acme', 'Acme-Labs'],
      syncTimeoutSeconds: 300,
      clusters: [{ ...cluster, hostedZone: 'sandbox.example.com' }],
    });
  });

  it.each([
    [{ operationsAccountId: '7080' }, 'not a 12-digit AWS account id'],
    [{ ecrRegion: 'mars' }, 'not an AWS region name'],
    [{ repositoryNamespace: 'Acme' }, 'not an ECR repository namespace'],
    [
      { clusters: [{ ...cluster, name: 'bad name' }] },
      'not an EKS cluster name',
    ],
    [
      { clusters: [{ ...cluster, hostedZone: 'localhost' }] },
      'not a fully qualified',
    ],
    [
      {
        clusters: [
          { ...cluster, ingress: { ...cluster.ingress, hostedZoneId: 'abc' } },
        ],
      },
      'not a Route 53 hosted zone id',
    ],
    [{ clusters: [cluster, cluster] }, 'twice'],
    [
      { githubOwners: undefined },
      "Missing required config value at 'githubOwners'",
    ],
    [{ githubOwners: [] }, 'must list at least one GitHub organization'],
    [{ githubOwners: ['acme/*'] }, 'not a GitHub organization or user name'],
    [{ githubOwners: ['acme', 'ACME'] }, 'lists an owner twice'],
  ])('refuses %j', (change, reason) => {
    expect(() =>
      readFlightdeckConfig(new ConfigReader({ ...section, ...change })),
    ).toThrow(reason);
  });
});
