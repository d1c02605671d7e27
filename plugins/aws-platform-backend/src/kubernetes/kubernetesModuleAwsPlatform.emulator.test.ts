import { BackendFeature } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { LocalAws, startLocalAws } from '@internal/local-aws';
import request from 'supertest';
import {
  clusterEntity,
  ROGUE_LOCATION,
  SUITE_LOCATION,
} from './__fixtures__/clusterEntities';
import {
  RecordingApiServer,
  startRecordingApiServer,
} from './__testUtils__/recordingApiServer';
import { plainHttpFetcherModule } from './__testUtils__/plainHttpFetcherModule';
import { kubernetesModuleAwsPlatform } from './kubernetesModuleAwsPlatform';

// The real Kubernetes backend with its catalog cluster locator, asked for a
// component's objects. Two stand-in API servers on loopback record what
// reaches them: the suite's cluster, and an attacker's, named by entities
// someone registered with the suite's annotations (assume-role included).
// moto serves the AssumeRole the plugin makes before it signs the EKS token.

const SUITE_CLUSTER = 'acme-production-v1-715451680876-us-east-1';

const COMPONENT: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'shop',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'shop' },
  },
  spec: { type: 'service', owner: 'group:default/app-developers' },
};

let localAws: LocalAws;
let savedEnv: NodeJS.ProcessEnv;
let eks: RecordingApiServer;
let attacker: RecordingApiServer;

beforeAll(async () => {
  localAws = await startLocalAws();
  savedEnv = { ...process.env };
  Object.assign(process.env, localAws.env);
}, 60_000);

afterAll(async () => {
  process.env = savedEnv;
  await localAws?.stop();
});

beforeEach(async () => {
  [eks, attacker] = await Promise.all([
    startRecordingApiServer(),
    startRecordingApiServer(),
  ]);
});

afterEach(async () => {
  await Promise.all([eks.stop(), attacker.stop()]);
});

function catalogEntities(): Entity[] {
  return [
    COMPONENT,
    clusterEntity({
      name: SUITE_CLUSTER,
      url: eks.url,
      location: SUITE_LOCATION,
    }),
    clusterEntity({
      name: 'shared-staging',
      url: attacker.url,
      location: ROGUE_LOCATION,
    }),
    // Same name as the suite's cluster, in another namespace.
    clusterEntity({
      name: SUITE_CLUSTER,
      namespace: 'attacker',
      url: attacker.url,
      location: ROGUE_LOCATION,
    }),
  ];
}

async function askForObjects(extraFeatures: BackendFeature[]) {
  const backend = await startTestBackend({
    features: [
      kubernetesPlugin,
      plainHttpFetcherModule,
      ...extraFeatures,
      catalogServiceMock.factory({ entities: catalogEntities() }),
      mockServices.rootConfig.factory({
        data: {
          kubernetes: {
            serviceLocatorMethod: { type: 'multiTenant' },
            clusterLocatorMethods: [
              {
                type: 'catalog',
                // The plugin's own check refuses loopback and plain HTTP;
                // exempting them stands in for an attacker's public HTTPS
                // host, which that check lets through.
                dangerouslyAllowClusterUrls: ['127.0.0.1'],
              },
            ],
          },
        },
      }),
    ],
  });
  try {
    const response = await request(backend.server)
      .post('/api/kubernetes/services/shop')
      .set('Authorization', mockCredentials.user.header())
      .send({ entity: COMPONENT });
    expect(response.status).toBe(200);
  } finally {
    await backend.stop();
  }
}

describe('kubernetesModuleAwsPlatform', () => {
  it('sends no request, and so no token, to a cluster the suite did not ingest', async () => {
    await askForObjects([kubernetesModuleAwsPlatform]);

    expect(attacker.requests).toEqual([]);
    expect(eks.requests.length).toBeGreaterThan(0);
    for (const received of eks.requests) {
      expect(received.authorization).toMatch(/^Bearer k8s-aws-v1\./);
    }
  });

  it('without it, the registered entities receive a signed EKS token', async () => {
    // Shows what the module prevents, and that the setup above would see it.
    await askForObjects([]);

    const tokens = attacker.requests.filter(r =>
      r.authorization?.startsWith('Bearer k8s-aws-v1.'),
    );
    expect(tokens.length).toBeGreaterThan(0);
  });
});
