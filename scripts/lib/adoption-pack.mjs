#!/usr/bin/env node
/**
 * Turns a dist workspace written by `backstage-cli build-workspace` into npm
 * tarballs, one per published package, as `yarn pack` would publish them:
 * `workspace:` ranges become the workspace's version, and the tarball holds
 * the package under `package/`. devDependencies are left out: a consumer
 * never installs them, and some name the repository's private packages. The tarballs are reproducible (fixed owner,
 * mtime and order, gzip without a timestamp), so an unchanged package keeps
 * its checksum and an app's lockfile entry stays valid.
 *
 *   node scripts/lib/adoption-pack.mjs <dist-workspace> <out-dir>
 *
 * Prints one line per tarball: `<package name> <tarball path>`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const DEPENDENCY_FIELDS = [
  'dependencies',
  'peerDependencies',
  'optionalDependencies',
];

function fail(message) {
  console.error(`adoption-pack: ${message}`);
  process.exit(1);
}

/** The package folders of a dist workspace (plugins/* and packages/*). */
function packageDirs(workspace) {
  const dirs = [];
  for (const group of ['plugins', 'packages']) {
    let entries;
    try {
      entries = readdirSync(join(workspace, group), { withFileTypes: true });
    } catch (error) {
      if (error.code === 'ENOENT') continue;
      throw error;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) dirs.push(join(workspace, group, entry.name));
    }
  }
  return dirs;
}

/** `workspace:^` -> `^1.2.3`, `workspace:~` -> `~1.2.3`, `workspace:*` -> `1.2.3`. */
function publishedRange(range, version) {
  const spec = range.slice('workspace:'.length);
  if (spec === '^' || spec === '~') return `${spec}${version}`;
  if (spec === '*' || spec === '') return version;
  return spec;
}

function rewriteWorkspaceRanges(manifest, versions) {
  for (const field of DEPENDENCY_FIELDS) {
    const deps = manifest[field];
    if (!deps) continue;
    for (const [name, range] of Object.entries(deps)) {
      if (!range.startsWith('workspace:')) continue;
      const version = versions.get(name);
      if (!version) {
        fail(`${manifest.name} depends on ${name}, which is not packed`);
      }
      deps[name] = publishedRange(range, version);
    }
  }
}

function tarballName(name, version) {
  return `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
}

function pack(dir, outFile) {
  const files = readdirSync(dir).sort();
  const tar = execFileSync(
    'tar',
    [
      '--create',
      '--sort=name',
      '--owner=0',
      '--group=0',
      '--numeric-owner',
      '--mtime=1985-10-26 08:15:00Z',
      '--transform=s,^,package/,',
      '--directory',
      dir,
      ...files,
    ],
    { maxBuffer: 512 * 1024 * 1024 },
  );
  writeFileSync(outFile, execFileSync('gzip', ['-n', '-9'], { input: tar }));
}

function main([workspace, outDir]) {
  if (!workspace || !outDir) {
    fail('usage: adoption-pack.mjs <dist-workspace> <out-dir>');
  }
  const manifests = packageDirs(resolve(workspace)).map(dir => ({
    dir,
    manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')),
  }));
  if (manifests.length === 0) fail(`no packages in ${workspace}`);
  const versions = new Map(
    manifests.map(({ manifest }) => [manifest.name, manifest.version]),
  );
  mkdirSync(outDir, { recursive: true });
  for (const { dir, manifest } of manifests) {
    delete manifest.devDependencies;
    rewriteWorkspaceRanges(manifest, versions);
    writeFileSync(
      join(dir, 'package.json'),
      `${JSON.stringify(manifest, null, 2)}\n`,
    );
    const outFile = resolve(
      outDir,
      tarballName(manifest.name, manifest.version),
    );
    pack(dir, outFile);
    console.log(`${manifest.name} ${outFile}`);
  }
}

main(process.argv.slice(2));
