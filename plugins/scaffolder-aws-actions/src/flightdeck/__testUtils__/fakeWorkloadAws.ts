import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetRepositoryPolicyCommand,
  ListTagsForResourceCommand,
  RepositoryAlreadyExistsException,
  RepositoryNotFoundException,
  RepositoryPolicyNotFoundException,
  SetRepositoryPolicyCommand,
} from '@aws-sdk/client-ecr';
import {
  DescribeClusterCommand,
  EKSClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-eks';
import {
  CreateRoleCommand,
  EntityAlreadyExistsException,
  GetOpenIDConnectProviderCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  NoSuchEntityException,
  PutRolePolicyCommand,
  TagRoleCommand,
} from '@aws-sdk/client-iam';
import {
  ChangeResourceRecordSetsCommand,
  GetChangeCommand,
  InvalidChangeBatch,
  ListHostedZonesByNameCommand,
  ListResourceRecordSetsCommand,
  ResourceRecordSet,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { AwsStub, mockClient } from 'aws-sdk-client-mock';

/**
 * An in-memory AWS for the workload action's unit tests: IAM, ECR, EKS and
 * Route 53 of several accounts, behind aws-sdk-client-mock stubs. It keeps
 * what AWS keeps and refuses what AWS refuses (duplicate roles and
 * repositories, a CREATE of an existing record), so the action's retries
 * and races can be tested.
 */
export class FakeWorkloadAws {
  readonly roles = new Map<
    string,
    {
      arn: string;
      trust: string;
      tags: Record<string, string>;
      policies: Map<string, string>;
    }
  >();
  readonly providers = new Set<string>();
  readonly repositories = new Map<
    string,
    {
      arn: string;
      uri: string;
      mutability: string;
      scanOnPush: boolean;
      policy?: string;
      tags: Record<string, string>;
    }
  >();
  readonly clusters = new Map<
    string,
    { arn: string; status: string; issuer?: string }
  >();
  readonly zones: {
    id: string;
    name: string;
    account: string;
    private: boolean;
  }[] = [];
  readonly records = new Map<string, ResourceRecordSet[]>();
  readonly stubs: Record<string, AwsStub<any, any, any>> = {};
  readonly clients: Record<string, unknown> = {};
  /** Runs once after the next read of a zone's records: someone else writing meanwhile. */
  readonly afterNextRecordsRead = new Map<string, () => void>();
  /** Names of commands that change AWS, in call order, e.g. `CreateRole 171870262174 shop-staging-pods`. */
  readonly mutations: string[] = [];

  constructor(accounts: string[], regions: string[]) {
    for (const account of accounts) {
      for (const region of regions) {
        this.#iam(account, region);
        this.#ecr(account, region);
        this.#eks(account, region);
      }
      this.#route53(account);
    }
  }

  /** What the action's client factory returns. */
  createClient = jest.fn(
    async (
      cls: { name: string },
      target: { accountId?: string; region: string },
    ) => {
      const region = cls.name === 'Route53Client' ? 'us-east-1' : target.region;
      const client = this.clients[`${cls.name}:${target.accountId}:${region}`];
      if (!client)
        throw new Error(
          `no fake ${cls.name} for ${target.accountId} ${region}`,
        );
      return client as any;
    },
  );

  /** Every call any fake client received. */
  calls(): number {
    return Object.values(this.stubs).reduce((n, s) => n + s.calls().length, 0);
  }

  addCluster(account: string, region: string, name: string, issuer: string) {
    this.clusters.set(`${account}:${region}:${name}`, {
      arn: `arn:aws:eks:${region}:${account}:cluster/${name}`,
      status: 'ACTIVE',
      issuer,
    });
  }

  addProvider(account: string, host: string) {
    this.providers.add(`arn:aws:iam::${account}:oidc-provider/${host}`);
  }

  addZone(account: string, name: string, id: string, isPrivate = false) {
    this.zones.push({ id, name: `${name}.`, account, private: isPrivate });
    this.records.set(id, []);
  }

  addRole(
    account: string,
    name: string,
    trust: unknown,
    tags: Record<string, string> = {},
    policies: Record<string, unknown> = {},
  ) {
    this.roles.set(`${account}:${name}`, {
      arn: `arn:aws:iam::${account}:role/${name}`,
      trust: encodeURIComponent(JSON.stringify(trust)),
      tags,
      policies: new Map(
        Object.entries(policies).map(([k, v]) => [
          k,
          encodeURIComponent(JSON.stringify(v)),
        ]),
      ),
    });
  }

  #register(key: string, client: unknown) {
    this.clients[key] = client;
    const stub = mockClient(client as any);
    this.stubs[key] = stub;
    return stub;
  }

  #iam(account: string, region: string) {
    const stub = this.#register(
      `IAMClient:${account}:${region}`,
      new IAMClient({ region }),
    );
    const notFound = (what: string) =>
      new NoSuchEntityException({
        message: `${what} not found`,
        $metadata: {},
      });
    stub
      .on(GetOpenIDConnectProviderCommand)
      .callsFake(({ OpenIDConnectProviderArn }) => {
        if (!this.providers.has(OpenIDConnectProviderArn))
          throw notFound('provider');
        return { Url: OpenIDConnectProviderArn.split('oidc-provider/')[1] };
      })
      .on(GetRoleCommand)
      .callsFake(({ RoleName }) => {
        const role = this.roles.get(`${account}:${RoleName}`);
        if (!role) throw notFound(`role ${RoleName}`);
        return {
          Role: {
            RoleName,
            Arn: role.arn,
            AssumeRolePolicyDocument: role.trust,
            Tags: Object.entries(role.tags).map(([Key, Value]) => ({
              Key,
              Value,
            })),
          },
        };
      })
      .on(CreateRoleCommand)
      .callsFake(({ RoleName, AssumeRolePolicyDocument, Tags }) => {
        this.mutations.push(`CreateRole ${account} ${RoleName}`);
        if (this.roles.has(`${account}:${RoleName}`)) {
          throw new EntityAlreadyExistsException({
            message: 'exists',
            $metadata: {},
          });
        }
        const arn = `arn:aws:iam::${account}:role/${RoleName}`;
        this.roles.set(`${account}:${RoleName}`, {
          arn,
          trust: encodeURIComponent(AssumeRolePolicyDocument),
          tags: Object.fromEntries(
            (Tags ?? []).map((t: any) => [t.Key, t.Value]),
          ),
          policies: new Map(),
        });
        return { Role: { RoleName, Arn: arn } };
      })
      .on(TagRoleCommand)
      .callsFake(({ RoleName, Tags }) => {
        this.mutations.push(`TagRole ${account} ${RoleName}`);
        const role = this.roles.get(`${account}:${RoleName}`);
        if (!role) throw notFound(`role ${RoleName}`);
        for (const tag of Tags) role.tags[tag.Key] = tag.Value;
        return {};
      })
      .on(GetRolePolicyCommand)
      .callsFake(({ RoleName, PolicyName }) => {
        const policy = this.roles
          .get(`${account}:${RoleName}`)
          ?.policies.get(PolicyName);
        if (!policy) throw notFound(`policy ${PolicyName}`);
        return { RoleName, PolicyName, PolicyDocument: policy };
      })
      .on(PutRolePolicyCommand)
      .callsFake(({ RoleName, PolicyName, PolicyDocument }) => {
        this.mutations.push(`PutRolePolicy ${account} ${RoleName}`);
        const role = this.roles.get(`${account}:${RoleName}`);
        if (!role) throw notFound(`role ${RoleName}`);
        role.policies.set(PolicyName, encodeURIComponent(PolicyDocument));
        return {};
      });
  }

  #ecr(account: string, region: string) {
    const stub = this.#register(
      `ECRClient:${account}:${region}`,
      new ECRClient({ region }),
    );
    const key = (name: string) => `${account}:${region}:${name}`;
    stub
      .on(DescribeRepositoriesCommand)
      .callsFake(({ repositoryNames }) => {
        const repository = this.repositories.get(key(repositoryNames[0]));
        if (!repository) {
          throw new RepositoryNotFoundException({
            message: 'not found',
            $metadata: {},
          });
        }
        return {
          repositories: [
            {
              repositoryName: repositoryNames[0],
              repositoryArn: repository.arn,
              repositoryUri: repository.uri,
              imageTagMutability: repository.mutability,
              imageScanningConfiguration: { scanOnPush: repository.scanOnPush },
            },
          ],
        };
      })
      .on(ListTagsForResourceCommand)
      .callsFake(({ resourceArn }) => {
        const repository = [...this.repositories.values()].find(
          r => r.arn === resourceArn,
        );
        if (!repository) {
          throw new RepositoryNotFoundException({
            message: 'not found',
            $metadata: {},
          });
        }
        return {
          tags: Object.entries(repository.tags).map(([Key, Value]) => ({
            Key,
            Value,
          })),
        };
      })
      .on(GetRepositoryPolicyCommand)
      .callsFake(({ repositoryName }) => {
        const policy = this.repositories.get(key(repositoryName))?.policy;
        if (!policy) {
          throw new RepositoryPolicyNotFoundException({
            message: 'none',
            $metadata: {},
          });
        }
        return { repositoryName, policyText: policy };
      })
      .on(CreateRepositoryCommand)
      .callsFake(
        ({
          repositoryName,
          imageTagMutability,
          imageScanningConfiguration,
          tags,
        }) => {
          this.mutations.push(`CreateRepository ${account} ${repositoryName}`);
          if (this.repositories.has(key(repositoryName))) {
            throw new RepositoryAlreadyExistsException({
              message: 'exists',
              $metadata: {},
            });
          }
          const repository = {
            arn: `arn:aws:ecr:${region}:${account}:repository/${repositoryName}`,
            uri: `${account}.dkr.ecr.${region}.amazonaws.com/${repositoryName}`,
            mutability: imageTagMutability ?? 'MUTABLE',
            scanOnPush: Boolean(imageScanningConfiguration?.scanOnPush),
            tags: Object.fromEntries(
              (tags ?? []).map((t: any) => [t.Key, t.Value]),
            ),
          };
          this.repositories.set(key(repositoryName), repository);
          return {
            $metadata: { requestId: 'req-CreateRepositoryCommand' },
            repository: {
              repositoryName,
              repositoryArn: repository.arn,
              repositoryUri: repository.uri,
            },
          };
        },
      )
      .on(SetRepositoryPolicyCommand)
      .callsFake(({ repositoryName, policyText }) => {
        this.mutations.push(`SetRepositoryPolicy ${account} ${repositoryName}`);
        const repository = this.repositories.get(key(repositoryName));
        if (!repository) {
          throw new RepositoryNotFoundException({
            message: 'not found',
            $metadata: {},
          });
        }
        repository.policy = policyText;
        return { repositoryName, policyText };
      });
  }

  #eks(account: string, region: string) {
    const stub = this.#register(
      `EKSClient:${account}:${region}`,
      new EKSClient({ region }),
    );
    stub.on(DescribeClusterCommand).callsFake(({ name }) => {
      const cluster = this.clusters.get(`${account}:${region}:${name}`);
      if (!cluster) {
        throw new ResourceNotFoundException({
          message: 'No cluster found',
          $metadata: {},
        });
      }
      return {
        cluster: {
          name,
          arn: cluster.arn,
          status: cluster.status,
          identity: cluster.issuer
            ? { oidc: { issuer: cluster.issuer } }
            : undefined,
        },
      };
    });
  }

  #route53(account: string) {
    const stub = this.#register(
      `Route53Client:${account}:us-east-1`,
      new Route53Client({ region: 'us-east-1' }),
    );
    stub
      .on(ListHostedZonesByNameCommand)
      .callsFake(({ DNSName }) => ({
        HostedZones: this.zones
          .filter(z => z.account === account && z.name >= DNSName)
          .sort((a, b) => a.name.localeCompare(b.name))
          .map(z => ({
            Id: `/hostedzone/${z.id}`,
            Name: z.name,
            CallerReference: z.id,
            Config: { PrivateZone: z.private },
          })),
        IsTruncated: false,
      }))
      .on(ListResourceRecordSetsCommand)
      .callsFake(({ HostedZoneId, StartRecordName }) => {
        const page = {
          ResourceRecordSets: (this.records.get(HostedZoneId) ?? [])
            .filter(r => r.Name! >= StartRecordName)
            .sort((a, b) => a.Name!.localeCompare(b.Name!)),
          IsTruncated: false,
        };
        const meanwhile = this.afterNextRecordsRead.get(HostedZoneId);
        this.afterNextRecordsRead.delete(HostedZoneId);
        meanwhile?.();
        return page;
      })
      .on(ChangeResourceRecordSetsCommand)
      .callsFake(({ HostedZoneId, ChangeBatch }) => {
        this.mutations.push(
          `ChangeResourceRecordSets ${account} ${ChangeBatch.Changes.map(
            (c: any) => `${c.Action} ${c.ResourceRecordSet.Name}`,
          ).join(' ')}`,
        );
        const list = this.records.get(HostedZoneId)!;
        for (const change of ChangeBatch.Changes) {
          const set = change.ResourceRecordSet;
          const existing = list.find(
            r => r.Name === set.Name && r.Type === set.Type,
          );
          if (change.Action === 'CREATE' && existing) {
            throw new InvalidChangeBatch({
              message: `Tried to create resource record set [name='${set.Name}', type='${set.Type}'] but it already exists`,
              $metadata: {},
            });
          }
          list.push(set);
        }
        return {
          ChangeInfo: {
            Id: '/change/C1',
            Status: 'PENDING',
            SubmittedAt: new Date(),
          },
        };
      })
      .on(GetChangeCommand)
      .resolves({
        ChangeInfo: { Id: 'C1', Status: 'INSYNC', SubmittedAt: new Date() },
      });
  }
}
