#!/usr/bin/env node
/**
 * Applies the README's "Install in your Backstage app" steps to an app, so
 * that the adoption test runs exactly what the README tells people to do.
 *
 * A step is a fenced code block whose info string carries a tag after the
 * language, and for files where the block goes:
 *
 *   ```sh adoption                              each line is run in the app's root
 *   ```ts adoption file=<path> after="<text>"   inserted below the line holding <text>
 *   ```ts adoption file=<path> below="<a>" after="<b>"
 *                                               below the first line holding <b>
 *                                               that follows the line holding <a>
 *   ```yaml adoption file=<path>                appended to the file (created if missing)
 *
 * `after` alone must match exactly one line, so a template change that makes
 * it ambiguous fails the test instead of editing the wrong place.
 *
 *   node scripts/lib/adoption-readme.mjs <README> <app dir> <tarball list> <tag> [<from>=<to>]
 *
 * The tarball list has a line `<package name> <tarball path>` per package:
 * the suite is not on the npm registry under test, so in `yarn add` lines a
 * suite package name is installed from its tarball (`name@file:path`). The
 * optional `<from>=<to>` maps a path prefix, e.g.
 * `packages/app=packages/app-legacy`, and then only the `sh` lines and files
 * under `<from>` are applied.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SECTION = '## Install in your Backstage app';

class StepError extends Error {}

/** The fenced blocks of the README's install section, with their info strings parsed. */
export function readSteps(readme, tag) {
  const start = readme.indexOf(`\n${SECTION}\n`);
  if (start < 0) throw new StepError(`the README has no "${SECTION}" section`);
  const rest = readme.slice(start + SECTION.length + 2);
  const next = rest.search(/^## /m);
  const section = next < 0 ? rest : rest.slice(0, next);
  const steps = [];
  const fence = /^```([^\n]*)\n([\s\S]*?)^```$/gm;
  for (const match of section.matchAll(fence)) {
    const [lang, blockTag, ...attrs] = tokenize(match[1]);
    if (blockTag !== tag) continue;
    steps.push({ lang, body: match[2], ...parseAttrs(attrs) });
  }
  if (steps.length === 0)
    throw new StepError(`no "${tag}" steps in ${SECTION}`);
  return steps;
}

/** Splits an info string on blanks, keeping `key="a b"` and `key='a "b"'` whole. */
function tokenize(info) {
  const tokens = [];
  const token = /([^\s"'=]+)(?:=(?:"([^"]*)"|'([^']*)'|(\S+)))?/g;
  for (const m of info.trim().matchAll(token)) {
    const value = m[2] ?? m[3] ?? m[4];
    tokens.push(value === undefined ? m[1] : { key: m[1], value });
  }
  return tokens;
}

function parseAttrs(attrs) {
  const known = ['file', 'after', 'below'];
  const result = {};
  for (const attr of attrs) {
    if (typeof attr !== 'object' || !known.includes(attr.key)) {
      throw new StepError(
        `unknown attribute in a step's info string: ${JSON.stringify(attr)}`,
      );
    }
    result[attr.key] = attr.value;
  }
  return result;
}

/** Inserts `body` below the anchor line of `text`; see the header for the rules. */
export function insertAfter(text, body, { after, below, file }) {
  const lines = text.split('\n');
  let from = 0;
  if (below !== undefined) {
    from = lines.findIndex(line => line.includes(below));
    if (from < 0)
      throw new StepError(`${file}: no line holds ${JSON.stringify(below)}`);
  }
  const hits = [];
  lines.forEach((line, i) => {
    if (i >= from && line.includes(after)) hits.push(i);
  });
  if (hits.length === 0)
    throw new StepError(`${file}: no line holds ${JSON.stringify(after)}`);
  if (below === undefined && hits.length > 1) {
    throw new StepError(
      `${file}: ${hits.length} lines hold ${JSON.stringify(
        after,
      )}; the step needs one`,
    );
  }
  lines.splice(hits[0] + 1, 0, ...body.replace(/\n$/, '').split('\n'));
  return lines.join('\n');
}

/** A `yarn add` line with the suite's package names pointed at their tarballs. */
export function withTarballs(line, tarballs) {
  if (!/\byarn\b.*\badd\b/.test(line)) return line;
  return line
    .split(/(\s+)/)
    .map(word =>
      tarballs.has(word) ? `${word}@file:${tarballs.get(word)}` : word,
    )
    .join('');
}

function mapPath(path, pathMap) {
  if (!pathMap || !path.startsWith(pathMap.from)) return path;
  return pathMap.to + path.slice(pathMap.from.length);
}

function runShell(step, ctx) {
  for (const raw of step.body.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (ctx.pathMap && !line.includes(ctx.pathMap.from)) continue;
    const mapped = ctx.pathMap
      ? line.split(ctx.pathMap.from).join(ctx.pathMap.to)
      : line;
    const command = withTarballs(mapped, ctx.tarballs);
    console.log(`adoption-readme: $ ${mapped}`);
    execFileSync('bash', ['-euo', 'pipefail', '-c', command], {
      cwd: ctx.appDir,
      stdio: 'inherit',
    });
  }
}

function applyToFile(step, ctx) {
  const file = mapPath(step.file, ctx.pathMap);
  const path = join(ctx.appDir, file);
  if (step.after === undefined) {
    const before = existsSync(path) ? readFileSync(path, 'utf8') : '';
    const joined = before && !before.endsWith('\n') ? `${before}\n` : before;
    writeFileSync(path, `${joined}${step.body}`);
    console.log(`adoption-readme: appended ${step.lang} to ${file}`);
    return;
  }
  const text = readFileSync(path, 'utf8');
  writeFileSync(path, insertAfter(text, step.body, { ...step, file }));
  console.log(`adoption-readme: inserted ${step.lang} into ${file}`);
}

function readTarballs(listFile) {
  const tarballs = new Map();
  for (const line of readFileSync(listFile, 'utf8').split('\n')) {
    const [name, path] = line.trim().split(/\s+/);
    if (name && path) tarballs.set(name, path);
  }
  return tarballs;
}

function main([readmePath, appDir, tarballList, tag, mapping]) {
  if (!readmePath || !appDir || !tarballList || !tag) {
    throw new StepError(
      'usage: adoption-readme.mjs <README> <app dir> <tarball list> <tag> [<from>=<to>]',
    );
  }
  let pathMap;
  if (mapping) {
    const [from, to] = mapping.split('=');
    pathMap = { from, to };
  }
  const ctx = { appDir, tarballs: readTarballs(tarballList), pathMap };
  for (const step of readSteps(readFileSync(readmePath, 'utf8'), tag)) {
    if (step.lang === 'sh') runShell(step, ctx);
    else if (!pathMap || step.file.startsWith(pathMap.from)) {
      applyToFile(step, ctx);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof StepError)) throw error;
    console.error(`adoption-readme: ${error.message}`);
    process.exit(1);
  }
}
