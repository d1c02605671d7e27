/**
 * Bundles estateEntities.ts for Node with esbuild: it imports the backend's
 * ingestion sources, whose extensionless imports Node's type stripping
 * cannot load (see ../buildRunners.ts). Registry packages stay external.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Entity } from '@backstage/catalog-model';
import { bundleForNode } from '../buildRunners.ts';
import type { EstateOptions } from './estateRecords.ts';

/** Builds the estate generator and returns it. */
export async function loadEstateEntities(): Promise<
  (options: EstateOptions) => Promise<Entity[]>
> {
  const here = dirname(fileURLToPath(import.meta.url));
  const { 'map-estate': outfile } = await bundleForNode({
    'map-estate': join(here, 'estateEntities.ts'),
  });
  return createRequire(import.meta.url)(outfile).estateEntities;
}
