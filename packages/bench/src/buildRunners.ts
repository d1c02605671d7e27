/**
 * Bundles the runners with esbuild (already in node_modules through
 * @backstage/cli). The suite's plugin sources are TypeScript with
 * extensionless imports, which Node's type stripping cannot load, so they are
 * bundled in (every workspace package: @internal/* and @aws-platform-suite/*); every package from the registry (AWS SDK, @backstage/*, the
 * peers) stays external and loads from node_modules as in a real backend.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Plugin } from 'esbuild';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Where the bundles go: dist/ is ignored by git, Prettier and ESLint, and
 * resolves node_modules from this workspace up, like the sources.
 */
export const BUILD_DIR = join(PACKAGE_DIR, 'dist');

const externalRegistryPackages: Plugin = {
  name: 'external-registry-packages',
  setup(pluginBuild) {
    // The workspace's own packages (@internal/*, the suite's
    // @aws-platform-suite/*) are TypeScript sources: bundled in.
    pluginBuild.onResolve({ filter: /^[^./]/ }, args =>
      args.path.startsWith('@internal/') ||
      args.path.startsWith('@aws-platform-suite/')
        ? undefined
        : { path: args.path, external: true },
    );
  },
};

/**
 * Bundles each entry (output name to source path) for Node 22 as
 * `dist/<name>.cjs` and returns the output paths by name.
 */
export async function bundleForNode<Name extends string>(
  entries: Record<Name, string>,
): Promise<Record<Name, string>> {
  mkdirSync(BUILD_DIR, { recursive: true });
  await build({
    entryPoints: entries,
    outdir: BUILD_DIR,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    logLevel: 'warning',
    plugins: [externalRegistryPackages],
  });
  const names = Object.keys(entries) as Name[];
  return Object.fromEntries(
    names.map(name => [name, join(BUILD_DIR, `${name}.cjs`)]),
  ) as Record<Name, string>;
}

/** Builds `dist/{suite,roadie,core}.cjs` and returns their paths. */
export async function buildRunners(): Promise<Record<string, string>> {
  const runner = (name: string) =>
    join(PACKAGE_DIR, 'src', 'runners', `${name}.ts`);
  return bundleForNode({
    suite: runner('suite'),
    roadie: runner('roadie'),
    core: runner('core'),
  });
}
