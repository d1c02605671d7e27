import { readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';

// The repository's docs name the tests that prove each claim (security
// rows, fault matrix, end-to-end runs). A renamed or deleted test leaves a
// claim without its proof, so every cited test file must exist.
const REPO_ROOT = resolve(__dirname, '../../../..');
const DOCS = [
  'docs/security.md',
  'docs/reliability.md',
  'docs/architecture.md',
];

/** A cited test file, e.g. `catalog/x.test.ts`, `a{,.emulator}.test.ts`, `*.faults.test.ts`. */
const CITED_TEST = /[A-Za-z0-9_./{},@*-]*\.test\.tsx?/g;
/** A package named right after a citation: `x.test.ts` (aws-platform-node), or `in scaffolder-aws-actions`. */
const NAMED_PACKAGE = /^`?\s*(?:\(([a-z0-9-]+)\)|in ([a-z0-9-]+))/;

/** Every workspace package folder, e.g. `plugins/aws-platform-backend`. */
function workspacePackages(): string[] {
  return ['packages', 'plugins'].flatMap(parent =>
    readdirSync(join(REPO_ROOT, parent), { withFileTypes: true })
      .filter(entry => entry.isDirectory())
      .map(entry => `${parent}/${entry.name}`),
  );
}

/** The repository's test files, relative to its root. */
function testFiles(dir = ''): string[] {
  return readdirSync(join(REPO_ROOT, dir), { withFileTypes: true }).flatMap(
    entry => {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        return ['node_modules', 'dist', 'dist-types', '.git'].includes(
          entry.name,
        ) || entry.name.startsWith('.')
          ? []
          : testFiles(path);
      }
      return /\.test\.tsx?$/.test(entry.name) ? [path] : [];
    },
  );
}

/** `a{,.emulator}.test.ts` → `a.test.ts`, `a.emulator.test.ts`. */
function expandBraces(path: string): string[] {
  const match = /\{([^{}]*)\}/.exec(path);
  if (!match) return [path];
  return match[1]
    .split(',')
    .flatMap(option =>
      expandBraces(
        path.slice(0, match.index) +
          option +
          path.slice(match.index + match[0].length),
      ),
    );
}

interface Citation {
  doc: string;
  line: number;
  path: string;
  /** The package the doc names for it, when it names one. */
  packageName?: string;
}

/** Test files cited in a doc; a glob such as `*.faults.test.ts` must match one at least. */
function citationsIn(doc: string, packages: string[]): Citation[] {
  const packageNames = new Set(packages.map(p => p.split('/')[1]));
  const lines = readFileSync(join(REPO_ROOT, doc), 'utf8').split('\n');
  return lines.flatMap((text, i) =>
    [...text.matchAll(CITED_TEST)].flatMap(match => {
      const cited = match[0];
      const after = text.slice(match.index! + cited.length);
      const named = NAMED_PACKAGE.exec(after);
      const packageName = [named?.[1], named?.[2]]
        .flatMap(name =>
          name === undefined
            ? []
            : [name, `aws-platform-${name}`].filter(n => packageNames.has(n)),
        )
        .at(0);
      return expandBraces(cited).map(path => ({
        doc,
        line: i + 1,
        path,
        packageName,
      }));
    }),
  );
}

/**
 * The files a citation may mean: a path from the repository root is exact;
 * a shorter one (`catalog/x.test.ts`) is any file ending so, within the
 * package the doc names for it, if it names one. `*` stands for any part of
 * a file name.
 */
function resolveCitation(
  citation: Citation,
  files: string[],
  packages: string[],
): string[] {
  const pattern = citation.path
    .split('*')
    .map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  const fromRoot = /^(packages|plugins|scripts)\//.test(citation.path);
  const matches = new RegExp(fromRoot ? `^${pattern}$` : `/${pattern}$`);
  const within = citation.packageName
    ? packages.filter(p => p.endsWith(`/${citation.packageName}`))
    : undefined;
  return files.filter(
    file =>
      matches.test(file) &&
      (!within || within.some(p => file.startsWith(`${p}/`))),
  );
}

describe('docs cite tests that exist', () => {
  const packages = workspacePackages();
  const files = testFiles();
  const citations = DOCS.flatMap(doc => citationsIn(doc, packages));

  it('finds the citations of every doc', () => {
    for (const doc of DOCS) {
      expect(citations.filter(c => c.doc === doc).length).toBeGreaterThan(0);
    }
  });

  it('resolves each cited test file to a file in the repository', () => {
    const missing = citations
      .filter(
        citation => resolveCitation(citation, files, packages).length === 0,
      )
      .map(
        c =>
          `${c.doc}:${c.line} cites ${c.path}${
            c.packageName ? ` in ${c.packageName}` : ''
          }`,
      );
    expect(missing).toEqual([]);
  });

  it('does not resolve a test that does not exist, nor one in another package', () => {
    const cite = (path: string, packageName?: string): Citation => ({
      doc: 'docs/security.md',
      line: 1,
      path,
      packageName,
    });
    expect(
      resolveCitation(cite('catalog/nothing.test.ts'), files, packages),
    ).toEqual([]);
    expect(
      resolveCitation(
        cite('sessionIdentity.test.ts', 'scaffolder-aws-actions'),
        files,
        packages,
      ),
    ).toEqual([]);
    expect(
      resolveCitation(
        cite('sessionIdentity.test.ts', 'aws-platform-node'),
        files,
        packages,
      ),
    ).toEqual(['plugins/aws-platform-node/src/sessionIdentity.test.ts']);
    expect(resolveCitation(cite('*.nothing.test.ts'), files, packages)).toEqual(
      [],
    );
    expect(
      resolveCitation(
        cite('plugins/scaffolder-aws-actions/src/actions/*.faults.test.ts'),
        files,
        packages,
      ).length,
    ).toBe(3);
    expect(expandBraces('a{,.emulator}.test.ts')).toEqual([
      'a.test.ts',
      'a.emulator.test.ts',
    ]);
  });
});
