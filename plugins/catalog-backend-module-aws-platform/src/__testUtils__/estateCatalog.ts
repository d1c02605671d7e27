import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { LocalAws, startLocalAws } from '@internal/local-aws';
import request from 'supertest';
import { catalogModuleAwsPlatform } from '../catalogModuleAwsPlatform';

type Server = Parameters<typeof request>[0];

/**
 * Starts moto once for the test file, seeds it with `seed` and points the
 * AWS SDK at it; returns a getter for what the seed made. Stops moto and
 * restores the environment after the file.
 */
export function useSeededEstate<T>(
  seed: (options: { endpoint: string }) => Promise<T>,
): () => T {
  let localAws: LocalAws;
  let estate: T;
  const savedEnv = { ...process.env };
  beforeAll(async () => {
    localAws = await startLocalAws();
    await localAws.reset();
    estate = await seed({ endpoint: localAws.endpoint });
    Object.assign(process.env, localAws.env);
  }, 120_000);
  afterAll(async () => {
    process.env = savedEnv;
    await localAws?.stop();
  }, 30_000);
  return () => estate;
}

/**
 * The real catalog with the suite's module, reading the seeded estate with
 * `provider` as `catalog.providers.awsPlatform` (member accounts through
 * the role Organizations creates).
 */
export async function startEstateCatalog(
  provider: Record<string, unknown>,
): Promise<Server> {
  const { server } = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleAwsPlatform,
      mockServices.rootConfig.factory({
        data: {
          aws: {
            accountDefaults: { roleName: 'OrganizationAccountAccessRole' },
          },
          catalog: {
            providers: {
              awsPlatform: {
                defaultOwner: 'group:default/platform-team',
                ...provider,
              },
            },
          },
        },
      }),
    ],
  });
  return server;
}

/**
 * The catalog's Resources of one type, once there are `count` of them (the
 * catalog stitches entities after the provider emits them), or what there
 * is after 90 s.
 */
export async function resourcesOfType(
  server: Server,
  type: string,
  count: number,
): Promise<Entity[]> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const response = await request(server)
      .get('/api/catalog/entities/by-query')
      .query({ filter: `kind=resource,spec.type=${type}`, limit: 200 });
    const items: Entity[] = response.body.items ?? [];
    if (items.length >= count || Date.now() > deadline) return items;
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}
