/**
 * Builds the browser harness of the map benchmark with esbuild: a Backstage
 * app made the way packages/app makes it (`createApp` from
 * @backstage/frontend-defaults with the catalog plugin, Backstage UI's
 * styles), minified for production with code splitting, so the plugin's
 * pages load lazily as in the portal. It is built without the AWS Platform
 * plugin, with it as the app imports it, and with only its plugin object,
 * and esbuild's metafile tells which output bytes come from the plugin's own
 * sources.
 *
 * Why not `yarn workspace app build`: that production build takes minutes on
 * two cores, cannot say which bytes are the plugin's, and needs the real
 * auth backend for its sign-in page; this harness builds in seconds, and the
 * app shell it measures is the same createApp, catalog plugin and theme.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Metafile, Plugin } from 'esbuild';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const REPO_ROOT = join(PACKAGE_DIR, '..', '..');

/** Where the harness builds go (dist/ is ignored by git, Prettier and ESLint). */
export const HARNESS_DIR = join(PACKAGE_DIR, 'dist', 'map-harness');

/** Source directories whose bytes count as "the plugin's". */
const PLUGIN_SOURCES = [
  'plugins/aws-platform/',
  'plugins/aws-platform-common/',
];

/** One harness build and what it weighs. */
export type HarnessBuild = {
  dir: string;
  /** The entry script and stylesheet, relative to `dir`. */
  entry: string;
  css?: string;
  /** Every emitted .js file: bytes and gzip bytes. */
  js: Array<{ file: string; bytes: number; gzip: number }>;
  /** The entry and the chunks it imports statically: what every page loads. */
  initial: string[];
  /** Bytes of the plugin's sources in the output, by output file. */
  pluginBytes: Record<string, number>;
  buildMs: number;
};

/**
 * How the harness imports the plugin: `package` as packages/app does (the
 * package's index, which also re-exports every component), `definition`
 * only the plugin object (src/plugin.tsx), or `none`.
 */
export type HarnessVariant = 'package' | 'definition' | 'none';

const PLUGIN_IMPORT: Record<HarnessVariant, string> = {
  package:
    "import awsPlatformPlugin from '@aws-platform-suite/backstage-plugin-aws-platform';",
  definition:
    "import { awsPlatformPlugin } from '../../../plugins/aws-platform/src/plugin';",
  none: '',
};

const entrySource = (variant: HarnessVariant) => `
import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
${PLUGIN_IMPORT[variant]}
import ReactDOM from 'react-dom/client';
import '@backstage/ui/css/styles.css';

const app = createApp({
  features: [catalogPlugin${variant === 'none' ? '' : ', awsPlatformPlugin'}],
});
ReactDOM.createRoot(document.getElementById('root')).render(app.createRoot());
`;

const require = createRequire(import.meta.url);

// Node built-ins resolve as Backstage's own bundler config resolves them:
// browser versions from node-stdlib-browser, and empty modules for the ones
// it turns off (config.ts of @backstage/cli-module-build).
const TURNED_OFF = new Set([
  'module',
  'dgram',
  'dns',
  'fs',
  'http2',
  'net',
  'tls',
  'child_process',
  'path',
  'https',
  'http',
]);
const browserBuiltins: Plugin = {
  name: 'browser-builtins',
  setup(pluginBuild) {
    const stdlib: Record<
      string,
      string | null
    > = require('node-stdlib-browser');
    const names = Object.keys(stdlib).filter(name => !name.startsWith('node:'));
    const filter = new RegExp(
      `^(node:)?(${names.join('|').replace(/\//g, '\\/')})$`,
    );
    pluginBuild.onResolve({ filter }, async args => {
      // The polyfill packages share names with the built-ins (events, util).
      if (args.pluginData === 'polyfill') return undefined;
      const name = args.path.replace(/^node:/, '');
      if (TURNED_OFF.has(name) || !stdlib[name]) {
        return { path: name, namespace: 'empty' };
      }
      const target =
        name === 'util'
          ? 'util/'
          : stdlib[name]!.replace(/^.*[\\/]node_modules[\\/]/, '');
      const resolved = await pluginBuild.resolve(target, {
        kind: args.kind,
        resolveDir: REPO_ROOT,
        pluginData: 'polyfill',
      });
      return resolved.errors.length > 0 ? undefined : { path: resolved.path };
    });
    pluginBuild.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({
      contents: 'module.exports = {};',
    }));
  },
};

// `process` and `Buffer` as globals, as Backstage's ProvidePlugin gives them.
const SHIMS = `import process from ${JSON.stringify(
  require.resolve('process/browser'),
)};
import { Buffer } from ${JSON.stringify(require.resolve('buffer/'))};
export { process, Buffer };
`;

/** Builds the harness app, with the AWS Platform plugin imported as `variant` says. */
export async function buildHarness(
  variant: HarnessVariant,
): Promise<HarnessBuild> {
  const dir = join(HARNESS_DIR, variant);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // The entry sits in the repository so that node_modules resolve as for
  // packages/app; it is written, bundled and removed.
  const entryFile = join(PACKAGE_DIR, 'dist', `map-harness-${variant}.tsx`);
  const shimsFile = join(PACKAGE_DIR, 'dist', 'map-harness-shims.js');
  writeFileSync(entryFile, entrySource(variant));
  writeFileSync(shimsFile, SHIMS);
  const started = performance.now();
  let metafile: Metafile;
  try {
    const result = await build({
      entryPoints: { app: entryFile },
      absWorkingDir: REPO_ROOT,
      outdir: dir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      jsx: 'automatic',
      metafile: true,
      logLevel: 'error',
      chunkNames: 'chunks/[name]-[hash]',
      assetNames: 'assets/[name]-[hash]',
      define: {
        'process.env.NODE_ENV': '"production"',
        // Config comes from a <script type="backstage.io/config"> tag.
        'process.env.APP_CONFIG': 'undefined',
        global: 'globalThis',
      },
      loader: {
        '.svg': 'file',
        '.png': 'file',
        '.jpg': 'file',
        '.gif': 'file',
        '.woff': 'file',
        '.woff2': 'file',
        '.ttf': 'file',
        '.eot': 'file',
      },
      inject: [shimsFile],
      plugins: [browserBuiltins],
    });
    metafile = result.metafile;
  } finally {
    rmSync(entryFile, { force: true });
    rmSync(shimsFile, { force: true });
  }
  const buildMs = performance.now() - started;

  const js: HarnessBuild['js'] = [];
  const pluginBytes: Record<string, number> = {};
  let entry = '';
  let css: string | undefined;
  const fileOf = (output: string) => relative(dir, join(REPO_ROOT, output));
  const outputs = Object.entries(metafile.outputs);
  for (const [output, info] of outputs) {
    const file = fileOf(output);
    // Lazy chunks count as entry points too; the app's is its own file.
    if (info.entryPoint && join(REPO_ROOT, info.entryPoint) === entryFile) {
      entry = file;
      if (info.cssBundle) css = fileOf(info.cssBundle);
    }
    if (!file.endsWith('.js')) continue;
    const bytes = readFileSync(join(dir, file));
    js.push({ file, bytes: bytes.length, gzip: gzipSync(bytes).length });
    let own = 0;
    for (const [input, part] of Object.entries(info.inputs)) {
      if (PLUGIN_SOURCES.some(source => input.includes(source))) {
        own += part.bytesInOutput;
      }
    }
    if (own > 0) pluginBytes[file] = own;
  }
  const initial = new Set<string>();
  const visit = (output: string) => {
    if (initial.has(fileOf(output))) return;
    initial.add(fileOf(output));
    for (const imported of metafile.outputs[output]?.imports ?? []) {
      if (imported.kind === 'import-statement') visit(imported.path);
    }
  };
  const entryOutput = outputs.find(([output]) => fileOf(output) === entry);
  if (!entryOutput) throw new Error('the harness build has no entry script');
  visit(entryOutput[0]);
  return { dir, entry, css, js, initial: [...initial], pluginBytes, buildMs };
}
