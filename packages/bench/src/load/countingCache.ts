/**
 * The backend's cache service (backend-defaults' in-memory CacheManager, as
 * the test backend uses), with every write recorded. The live status API
 * writes a resource's answer once per AWS read of it (CoalescingCache), so
 * the writes per key are the reads per resource, seen from inside.
 */
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import type { CacheService } from '@backstage/backend-plugin-api';
import { CacheManager } from '@backstage/backend-defaults/cache';
import type { JsonValue } from '@backstage/types';
import type { CacheWrite } from './loadProtocol.ts';

function recording(
  cache: CacheService,
  writes: CacheWrite[],
  started: number,
): CacheService {
  return {
    get<TValue extends JsonValue>(key: string) {
      return cache.get<TValue>(key);
    },
    delete(key) {
      return cache.delete(key);
    },
    set(key, value, options) {
      writes.push({ key, atMs: performance.now() - started });
      return cache.set(key, value, options);
    },
    withOptions(options) {
      return recording(cache.withOptions(options), writes, started);
    },
  };
}

/** A cache service factory whose writes land in `writes`. */
export function countingCacheServiceFactory(writes: CacheWrite[]) {
  const started = performance.now();
  return createServiceFactory({
    service: coreServices.cache,
    deps: {
      config: coreServices.rootConfig,
      plugin: coreServices.pluginMetadata,
      logger: coreServices.rootLogger,
    },
    async createRootContext({ config, logger }) {
      return CacheManager.fromConfig(config, { logger });
    },
    async factory({ plugin }, manager) {
      return recording(manager.forPlugin(plugin.getId()), writes, started);
    },
  });
}
