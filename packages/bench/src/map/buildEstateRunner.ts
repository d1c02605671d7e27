/**
 * Bundles estateEntities.ts for Node with esbuild: it imports the backend's
 * ingestion sources, whose extensionless imports Node's type stripping
 * cannot load (see ../buildRunners.ts). Registry packages stay external.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Entity } from '@backstage/catalog-model';
import type { EstateOptions } from './estateRecords.ts';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Builds the estate generator and returns it. */
export async function loadEstateEntities(): Promise<
  (options: EstateOptions) => Promise<Entity[]>
> {
  const outfile = join(PACKAGE_DIR, 'dist', 'map-estate.cjs');
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [join(PACKAGE_DIR, 'src', 'map', 'estateEntities.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    logLevel: 'warning',
    plugins: [
      {
        name: 'external-registry-packages',
        setup(pluginBuild) {
          pluginBuild.onResolve({ filter: /^[^./]/ }, args =>
            args.path.startsWith('@internal/')
              ? undefined
              : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  return createRequire(import.meta.url)(outfile).estateEntities;
}
