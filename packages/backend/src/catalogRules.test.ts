import {
  createMockDirectory,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { createBackendModule } from '@backstage/backend-plugin-api';
import catalogPlugin, {
  CATALOG_ERRORS_TOPIC,
} from '@backstage/plugin-catalog-backend';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import scaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';

// The portal's catalog section (app-config.yaml) in a real catalog backend.
// Its config locations are resolved from this package's folder, as when the
// portal runs. One more location, with no rules of its own, stands for any
// location a user registers: the global rules are all that apply to it.

const appConfig = parse(
  readFileSync(resolve(__dirname, '../../../app-config.yaml'), 'utf8'),
);
const mockDir = createMockDirectory();

const OWNER = 'group:default/app-developers';

// One file per kind: the catalog refuses a whole file if any of its
// entities is not allowed.
const REGISTERED_FILES: Record<string, Entity> = {
  'component.yaml': entity('Component', 'registered-service', {
    type: 'service',
    lifecycle: 'production',
    owner: OWNER,
  }),
  'api.yaml': entity('API', 'registered-api', {
    type: 'openapi',
    lifecycle: 'production',
    owner: OWNER,
    definition: '{}',
  }),
  'system.yaml': entity('System', 'registered-system', { owner: OWNER }),
  'resource.yaml': entity('Resource', 'rogue-cluster', {
    type: 'kubernetes-cluster',
    owner: OWNER,
  }),
  'user.yaml': entity('User', 'rogue-admin', { memberOf: ['platform-team'] }),
  'group.yaml': entity('Group', 'rogue-team', { type: 'team', children: [] }),
  'template.yaml': {
    ...entity('Template', 'rogue-template', {
      type: 'service',
      owner: OWNER,
      steps: [],
    }),
    apiVersion: 'scaffolder.backstage.io/v1beta3',
  },
};
const ALLOWED = ['component.yaml', 'api.yaml', 'system.yaml'];

function entity(kind: string, name: string, spec: object): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name },
    spec,
  };
}

type Server = Parameters<typeof request>[0];

async function catalogEntities(server: Server): Promise<Entity[]> {
  const response = await request(server).get('/api/catalog/entities');
  return response.body as Entity[];
}

// The catalog publishes each location's processing errors as an event; a
// refused kind fails its whole file with a NotAllowedError.
const refusals: string[] = [];
const catalogErrorsModule = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'test-errors',
  register(reg) {
    reg.registerInit({
      deps: { events: eventsServiceRef },
      async init({ events }) {
        events.subscribe({
          id: 'test-errors',
          topics: [CATALOG_ERRORS_TOPIC],
          async onEvent({ eventPayload }) {
            const { errors } = eventPayload as { errors: Error[] };
            refusals.push(...errors.map(error => error.message));
          },
        });
      },
    });
  },
});

function refusalOf(file: string): string | undefined {
  return refusals.find(
    message =>
      message.includes(`file:${mockDir.resolve(file)}`) &&
      message.includes('is not of an allowed kind'),
  );
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean) {
  let value = await read();
  for (let tries = 0; tries < 80 && !done(value); tries++) {
    await new Promise(r => setTimeout(r, 250));
    value = await read();
  }
  return value;
}

describe("the portal's catalog rules", () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    mockDir.setContent(
      Object.fromEntries(
        Object.entries(REGISTERED_FILES).map(([file, e]) => [
          file,
          JSON.stringify(e),
        ]),
      ),
    );
    const { rules, locations } = appConfig.catalog;
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        scaffolderEntityModel,
        catalogErrorsModule,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules,
              locations: [
                // The portal runs from this package's folder, so relative
                // targets are resolved from there, whatever jest's cwd is.
                ...locations.map(
                  (location: { type: string; target: string }) => ({
                    ...location,
                    target: resolve(__dirname, '..', location.target),
                  }),
                ),
                ...Object.keys(REGISTERED_FILES).map(file => ({
                  type: 'file',
                  target: mockDir.resolve(file),
                })),
              ],
              processingInterval: { seconds: 1 },
            },
          },
        }),
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await backend?.stop();
  });

  it('lets any location add software and nothing else', async () => {
    const refused = Object.keys(REGISTERED_FILES).filter(
      file => !ALLOWED.includes(file),
    );
    const entities = await waitFor(
      () => catalogEntities(backend.server),
      all =>
        refused.every(refusalOf) &&
        all.some(e => e.metadata.name === 'registered-system'),
    );

    expect(entities.map(e => stringifyEntityRef(e))).toEqual(
      expect.arrayContaining([
        'component:default/registered-service',
        'api:default/registered-api',
        'system:default/registered-system',
      ]),
    );
    for (const file of refused) {
      expect(refusalOf(file)).toMatch(/NotAllowedError|not of an allowed kind/);
    }
    const names = entities.map(e => e.metadata.name);
    for (const name of [
      'rogue-cluster',
      'rogue-admin',
      'rogue-team',
      'rogue-template',
    ]) {
      expect(names).not.toContain(name);
    }
  }, 30_000);

  // The teams come from Identity Center (the suite's provider, not run
  // here); examples/org.yaml holds the guest user only.
  it("still loads the config locations' users and templates", async () => {
    const entities = await waitFor(
      () => catalogEntities(backend.server),
      all => all.some(e => e.metadata.name === 'aws-flightdeck-workload'),
    );
    expect(entities.map(e => stringifyEntityRef(e))).toEqual(
      expect.arrayContaining([
        'user:default/guest',
        'component:default/aws-platform-suite',
        'component:default/storefront',
        'template:default/aws-delegated-subdomain',
        'template:default/aws-backup-plan',
        'template:default/aws-flightdeck-workload',
      ]),
    );
  }, 30_000);
});
