/**
 * The fewest AWS calls any implementation must make to read the facts it
 * reads, derived from the estate and AWS's documented page maxima
 * (awsPageMaxima.ts), not from any implementation's call plan: every list
 * at its largest page, every item described once, one AssumeRole per
 * member account per credential lifetime, nothing read twice.
 *
 * The caller's own credentials are the management account's (the
 * benchmark's IAM user lives there), so reading the organization and the
 * management account's own resources needs no AssumeRole.
 */
import { AWS_PAGE_MAXIMA as MAX, pages } from './awsPageMaxima.ts';
import { selectionsOfPlan } from './estateShape.ts';
import type { AccountShape, EstateShape } from './estateShape.ts';
import type { Implementation } from './runners/protocol.ts';

export { estateShape } from './estateShape.ts';
export type { AccountShape, EstateShape } from './estateShape.ts';

/** Minimum calls per `service:Operation`. */
export type CallCounts = Record<string, number>;

/** How the facts are read, where the estate alone does not say. */
export type MinimumOptions = {
  /**
   * Regions whose EKS and Backup are read in every account (default 1).
   * Resources sit in the first; the others are read and found empty.
   */
  regions?: number;
  /** Each account's regions are read from it (EC2 DescribeRegions). */
  discoverRegions?: boolean;
  /** Credential lifetimes the run spans (credentialSessions; default 1). */
  sessions?: number;
  /**
   * The organization's id is read again once everything else is, to
   * confirm the run read one organization (the suite's provider does).
   */
  confirmOrganization?: boolean;
};

function add(counts: CallCounts, key: string, n: number) {
  if (n > 0) counts[key] = (counts[key] ?? 0) + n;
}

/**
 * The organization's tree: the roots, then every parent's OUs and accounts.
 * No call lists an organization's OUs or accounts with their parents in
 * fewer: ListAccounts names no parent, and ListParents is one per account.
 */
function organizationTree(shape: EstateShape, counts: CallCounts) {
  add(counts, 'organizations:ListRoots', pages(shape.roots, MAX.organizations));
  for (const parent of shape.parents) {
    add(
      counts,
      'organizations:ListOrganizationalUnitsForParent',
      pages(parent.ous, MAX.organizations),
    );
    add(
      counts,
      'organizations:ListAccountsForParent',
      pages(parent.accounts, MAX.organizations),
    );
  }
}

/** Tags come from ListTagsForResource only, one resource a call. */
function tagsOf(resources: number, counts: CallCounts) {
  add(counts, 'organizations:ListTagsForResource', resources);
}

/** The administrators, then the services of each. */
function delegatedAdministrators(shape: EstateShape, counts: CallCounts) {
  const admins = shape.delegatedAdministrators ?? [];
  add(
    counts,
    'organizations:ListDelegatedAdministrators',
    pages(admins.length, MAX.organizations),
  );
  for (const services of admins) {
    add(
      counts,
      'organizations:ListDelegatedServicesForAccount',
      pages(services, MAX.organizations),
    );
  }
}

/** Every account without its parent: ListAccounts. */
function accountList(shape: EstateShape, counts: CallCounts) {
  add(
    counts,
    'organizations:ListAccounts',
    pages(shape.accounts.length, MAX.organizations),
  );
}

/** One AssumeRole per member account per credential lifetime. */
function memberCredentials(
  shape: EstateShape,
  options: MinimumOptions,
  counts: CallCounts,
) {
  add(
    counts,
    'sts:AssumeRole',
    (shape.accounts.length - 1) * (options.sessions ?? 1),
  );
}

/**
 * Zones, every record set of each (Route 53 cannot filter by type, so NS
 * delegations anywhere in a zone take the whole zone), tags 10 zones a call.
 */
function route53(account: AccountShape, counts: CallCounts) {
  const zones = account.zoneRecords.length;
  add(counts, 'route53:ListHostedZones', pages(zones, MAX.hostedZones));
  for (const records of account.zoneRecords) {
    add(
      counts,
      'route53:ListResourceRecordSets',
      pages(records, MAX.recordSets),
    );
  }
  add(
    counts,
    'route53:ListTagsForResources',
    Math.ceil(zones / MAX.route53TagResources),
  );
}

/** Clusters as the peers read them: the list and each cluster. */
function clusters(account: AccountShape, counts: CallCounts) {
  add(counts, 'eks:ListClusters', pages(account.clusters.length, MAX.eks));
  add(counts, 'eks:DescribeCluster', account.clusters.length);
}

/** Clusters with node groups, add-ons and the Flightdeck parameters. */
function clustersInDepth(account: AccountShape, counts: CallCounts) {
  clusters(account, counts);
  if (account.clusters.length === 0) return;
  add(
    counts,
    'ssm:GetParametersByPath',
    pages(account.flightdeckParameters, MAX.parametersByPath),
  );
  for (const cluster of account.clusters) {
    add(counts, 'eks:ListNodegroups', pages(cluster.nodegroups, MAX.eks));
    add(counts, 'eks:DescribeNodegroup', cluster.nodegroups);
    add(counts, 'eks:ListAddons', pages(cluster.addons, MAX.eks));
    add(counts, 'eks:DescribeAddon', cluster.addons);
  }
}

/** Vaults and plans with their tags, each plan and its selections. */
function backup(account: AccountShape, counts: CallCounts) {
  add(counts, 'backup:ListBackupVaults', pages(account.vaults, MAX.backup));
  add(counts, 'backup:ListBackupPlans', pages(account.plans, MAX.backup));
  // Neither list carries tags; a vault's or plan's few tags fit one page.
  add(counts, 'backup:ListTags', account.vaults + account.plans);
  add(counts, 'backup:GetBackupPlan', account.plans);
  for (let plan = 0; plan < account.plans; plan++) {
    const selections = selectionsOfPlan(account, plan);
    add(counts, 'backup:ListBackupSelections', pages(selections, MAX.backup));
    add(counts, 'backup:GetBackupSelection', selections);
  }
}

/**
 * Repositories, then each one's policy (DescribeRepositories does not
 * carry it): the suite reads ECR only for which account others pull from.
 */
function ecr(account: AccountShape, counts: CallCounts) {
  add(
    counts,
    'ecr:DescribeRepositories',
    pages(account.repositories, MAX.ecrRepositories),
  );
  add(counts, 'ecr:GetRepositoryPolicy', account.repositories);
}

const emptyIn = (account: AccountShape): AccountShape => ({
  ...account,
  zoneRecords: [],
  clusters: [],
  flightdeckParameters: 0,
  vaults: 0,
  plans: 0,
  selections: 0,
  repositories: 0,
});

/** A regional read in every region: the account's resources in the first. */
function inEveryRegion(
  account: AccountShape,
  options: MinimumOptions,
  read: (inRegion: AccountShape) => void,
) {
  const regions = options.regions ?? 1;
  for (let region = 0; region < regions; region++) {
    read(region === 0 ? account : emptyIn(account));
  }
}

/** The organization's facts as the suite keeps them. */
function organizationFacts(
  shape: EstateShape,
  options: MinimumOptions,
  counts: CallCounts,
) {
  // Its id, ARN and management account: only DescribeOrganization says them.
  add(
    counts,
    'organizations:DescribeOrganization',
    options.confirmOrganization ? 2 : 1,
  );
  organizationTree(shape, counts);
  tagsOf(shape.roots + shape.ous + shape.accounts.length, counts);
  delegatedAdministrators(shape, counts);
}

/** Every account's Route 53, and EKS, Backup and ECR in every region read. */
function resourceFacts(
  shape: EstateShape,
  options: MinimumOptions,
  services: { route53: boolean; backup: boolean; ecr: boolean },
  counts: CallCounts,
) {
  memberCredentials(shape, options, counts);
  for (const account of shape.accounts) {
    if (options.discoverRegions) add(counts, 'ec2:DescribeRegions', 1);
    if (services.route53) route53(account, counts);
    inEveryRegion(account, options, inRegion => {
      clustersInDepth(inRegion, counts);
      if (services.backup) backup(inRegion, counts);
      if (services.ecr) ecr(inRegion, counts);
    });
  }
}

/**
 * The minimum for the facts an implementation reads. What the peers do not
 * read: Roadie's accounts have no OUs, no OU or root tags, no delegated
 * administrators and no organization identity; core's accounts have no tags
 * either; the peers' clusters have no node groups, add-ons or Flightdeck
 * parameters, and are read in one region.
 */
export function minimumCalls(
  impl: Implementation,
  shape: EstateShape,
  options: MinimumOptions = {},
): CallCounts {
  const counts: CallCounts = {};
  switch (impl) {
    case 'suite':
      organizationFacts(shape, options, counts);
      resourceFacts(
        shape,
        options,
        { route53: true, backup: true, ecr: true },
        counts,
      );
      break;
    case 'suite-org':
      organizationFacts(shape, options, counts);
      break;
    case 'suite-eks':
      // Given the organization: the clusters, in depth, of every account.
      resourceFacts(
        shape,
        options,
        { route53: false, backup: false, ecr: false },
        counts,
      );
      break;
    case 'roadie-org':
      accountList(shape, counts);
      tagsOf(shape.accounts.length, counts);
      break;
    case 'core-org':
      accountList(shape, counts);
      break;
    case 'roadie-eks':
    case 'core-eks':
      memberCredentials(shape, options, counts);
      for (const account of shape.accounts) clusters(account, counts);
      break;
    default:
      throw new Error(`unknown implementation ${impl satisfies never}`);
  }
  return counts;
}

export function total(counts: CallCounts): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}
