import { InputError } from '@backstage/errors';
import { normalizeDomainName } from '../lib/dnsNames';
import { quoteInput } from '../lib/inputText';
import { GITHUB_OWNER } from './flightdeckConfig';

/** The action's input as the template passes it (after the schema check). */
export interface RawWorkloadInput {
  name: string;
  githubRepository: string;
  owner: string;
  serviceAccount?: string;
  planOnly?: boolean;
  stages: Array<{
    name: string;
    account: string;
    clusters: string[];
    zone?: string;
    host?: string;
    deployBranches?: string[];
  }>;
}

/** The input checked completely, with defaults and derived names. */
export interface WorkloadInput {
  appName: string;
  /** `owner/name`, the owner spelled as in `flightdeck.githubOwners`. */
  githubRepository: string;
  /** The owner choice as given (an entity ref); the catalog decides if it is a Group. */
  owner: string;
  serviceAccount: string;
  stages: StageInput[];
}

/** One stage of a {@link WorkloadInput}. */
export interface StageInput {
  name: string;
  /** The account choice: a 12-digit id or a catalog entity ref. */
  account: string;
  /** Cluster choices: names or catalog entity refs. */
  clusters: string[];
  /** Zone choice (name or entity ref); undefined: the clusters' configured zone. */
  zone?: string;
  /** Normalized host; undefined: `<app>.<zone>`. */
  host?: string;
  deployBranches: string[];
  /** `<app>-<stage>`, the Kubernetes namespace (the guide's instance). */
  namespace: string;
  /** `<app>-<stage>-pods`. */
  podRoleName: string;
  /** `<app>-<stage>-deploy`. */
  deployRoleName: string;
}

/** Limits that keep every derived name valid (IAM roles 64, namespaces 63). */
export const MAX_APP_NAME = 40;
export const MAX_STAGE_NAME = 16;
export const MAX_STAGES = 6;
export const MAX_CLUSTERS_PER_STAGE = 3;
export const MAX_BRANCHES = 10;

/** A DNS-1123 label: Kubernetes namespaces and service accounts. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** An app name: starts with a letter, no double or trailing hyphen. */
const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/**
 * A stage name: no hyphen at all. The namespace and role names join app and
 * stage with `-` (`<app>-<stage>-pods`); with hyphens in both, `a-b` + `c`
 * and `a` + `b-c` would name the same roles. The stage is therefore the one
 * hyphen-free segment before the suffix and every name splits one way only.
 * The guide's stages (staging, production, sandbox) have no hyphen.
 */
const STAGE_NAME = /^[a-z][a-z0-9]*$/;
const GITHUB_REPOSITORY = /^[A-Za-z0-9._-]{1,100}$/;
/** Branch names GitHub accepts, without IAM StringLike wildcards. */
const BRANCH = /^[A-Za-z0-9._/-]{1,200}$/;

function optional(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/**
 * Checks the whole input before any AWS call; throws an InputError saying
 * what is wrong with the first bad field.
 */
export function validateWorkloadInput(
  raw: RawWorkloadInput,
  options: { githubOwners: string[] },
): WorkloadInput {
  const appName = checkName(raw.name, 'name', MAX_APP_NAME);
  if (optional(raw.planOnly) && typeof raw.planOnly !== 'boolean') {
    throw new InputError('planOnly must be true or false');
  }
  const githubRepository = checkRepository(
    raw.githubRepository,
    options.githubOwners,
  );
  const owner = checkChoice(raw.owner, 'owner');
  const serviceAccount =
    raw.serviceAccount === undefined ||
    raw.serviceAccount === null ||
    raw.serviceAccount === ''
      ? appName
      : checkLabel(raw.serviceAccount, 'serviceAccount');
  if (!Array.isArray(raw.stages) || raw.stages.length === 0) {
    throw new InputError('stages must list at least one stage');
  }
  if (raw.stages.length > MAX_STAGES) {
    throw new InputError(
      `stages lists ${raw.stages.length} stages; at most ${MAX_STAGES} are allowed`,
    );
  }
  const stages = raw.stages.map((stage, i) =>
    checkStage(stage, `stages[${i}]`, appName),
  );
  const names = stages.map(s => s.name);
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) {
    throw new InputError(
      `stages lists the stage ${quoteInput(repeated)} twice`,
    );
  }
  const hosts = stages.map(s => s.host).filter(Boolean);
  const sameHost = hosts.find((h, i) => hosts.indexOf(h) !== i);
  if (sameHost) {
    throw new InputError(
      `Two stages use the host ${sameHost}; each stage needs its own`,
    );
  }
  return { appName, githubRepository, owner, serviceAccount, stages };
}

function checkStage(
  raw: RawWorkloadInput['stages'][number],
  field: string,
  appName: string,
): StageInput {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError(`${field} must be an object`);
  }
  const name = checkStageName(raw.name, `${field}.name`);
  const account = checkChoice(raw.account, `${field}.account`);
  if (!Array.isArray(raw.clusters) || raw.clusters.length === 0) {
    throw new InputError(`${field}.clusters must list at least one cluster`);
  }
  if (raw.clusters.length > MAX_CLUSTERS_PER_STAGE) {
    throw new InputError(
      `${field}.clusters lists ${raw.clusters.length} clusters; at most ${MAX_CLUSTERS_PER_STAGE} (blue/green) are allowed`,
    );
  }
  const clusters = raw.clusters.map((c, i) =>
    checkChoice(c, `${field}.clusters[${i}]`),
  );
  if (new Set(clusters).size !== clusters.length) {
    throw new InputError(`${field}.clusters lists a cluster twice`);
  }
  const zone = optional(raw.zone)
    ? checkChoice(raw.zone, `${field}.zone`)
    : undefined;
  const host = optional(raw.host)
    ? normalizeDomainName(
        checkString(raw.host, `${field}.host`),
        `${field}.host`,
      )
    : undefined;
  const branches = raw.deployBranches ?? ['main'];
  if (!Array.isArray(branches) || branches.length === 0) {
    throw new InputError(
      `${field}.deployBranches must list at least one branch`,
    );
  }
  if (branches.length > MAX_BRANCHES) {
    throw new InputError(
      `${field}.deployBranches lists ${branches.length} branches; at most ${MAX_BRANCHES} are allowed`,
    );
  }
  const deployBranches = branches.map((b, i) =>
    checkBranch(b, `${field}.deployBranches[${i}]`),
  );
  const namespace = `${appName}-${name}`;
  return {
    name,
    account,
    clusters,
    zone,
    host,
    deployBranches: [...new Set(deployBranches)],
    namespace,
    podRoleName: `${namespace}-pods`,
    deployRoleName: `${namespace}-deploy`,
  };
}

function checkString(value: unknown, field: string): string {
  if (typeof value !== 'string') {
    throw new InputError(`${field} must be a string`);
  }
  return value;
}

function checkName(value: unknown, field: string, max: number): string {
  const name = checkString(value, field).trim();
  if (!NAME.test(name) || name.length > max) {
    throw new InputError(
      `${field} ${quoteInput(
        name,
      )} must be 1 to ${max} lowercase letters, digits or single inner hyphens, starting with a letter`,
    );
  }
  return name;
}

function checkStageName(value: unknown, field: string): string {
  const name = checkString(value, field).trim();
  if (!STAGE_NAME.test(name) || name.length > MAX_STAGE_NAME) {
    throw new InputError(
      `${field} ${quoteInput(
        name,
      )} must be 1 to ${MAX_STAGE_NAME} lowercase letters or digits, starting with a letter, without hyphens (<app>-<stage> must split one way only)`,
    );
  }
  return name;
}

function checkLabel(value: unknown, field: string): string {
  const label = checkString(value, field).trim();
  if (!DNS_LABEL.test(label) || label.length > 63) {
    throw new InputError(
      `${field} ${quoteInput(
        label,
      )} is not a Kubernetes name (1 to 63 lowercase letters, digits or inner hyphens)`,
    );
  }
  return label;
}

/** An account, cluster or zone choice: an id, a name or an entity ref. */
function checkChoice(value: unknown, field: string): string {
  const choice = checkString(value, field).trim();
  if (!choice || choice.length > 300 || !/^[\w.:/@-]+$/.test(choice)) {
    throw new InputError(
      `${field} ${quoteInput(
        choice,
      )} is neither a name, an id nor an entity reference`,
    );
  }
  return choice;
}

/** `owner/name`, with the owner one of `githubOwners` (GitHub ignores case). */
function checkRepository(value: unknown, githubOwners: string[]): string {
  const text = checkString(value, 'githubRepository').trim();
  const [owner, repository, ...rest] = text.split('/');
  if (
    rest.length > 0 ||
    !GITHUB_OWNER.test(owner ?? '') ||
    !GITHUB_REPOSITORY.test(repository ?? '') ||
    repository === '.' ||
    repository === '..'
  ) {
    throw new InputError(
      `githubRepository ${quoteInput(
        text,
      )} is not a GitHub repository such as acme/storefront`,
    );
  }
  const allowed = githubOwners.find(
    o => o.toLocaleLowerCase('en-US') === owner.toLocaleLowerCase('en-US'),
  );
  if (!allowed) {
    throw new InputError(
      `githubRepository ${quoteInput(
        text,
      )} belongs to a GitHub owner whose workflows may not get CI roles; allowed owners: ${githubOwners.join(
        ', ',
      )} (scaffolder.awsPlatform.flightdeck.githubOwners)`,
    );
  }
  return `${allowed}/${repository}`;
}

function checkBranch(value: unknown, field: string): string {
  const branch = checkString(value, field).trim();
  if (
    !BRANCH.test(branch) ||
    branch.includes('..') ||
    branch.includes('//') ||
    branch.startsWith('/') ||
    branch.startsWith('-') ||
    branch.endsWith('/') ||
    branch.endsWith('.')
  ) {
    throw new InputError(
      `${field} ${quoteInput(
        branch,
      )} is not a branch name (letters, digits, '.', '_', '-' and '/'; no wildcards)`,
    );
  }
  return branch;
}
