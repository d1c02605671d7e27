import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ACCOUNT_ROLES,
  ANNOTATION_BACKUP_COVERAGE,
  ANNOTATION_DELEGATION_STATUS,
  ANNOTATION_EKS_VERSION_SUPPORT,
  AccountSummary,
  AWS_ENTITY_TYPES,
  BackupCoverage,
  isAccountRole,
  LABEL_ACCOUNT_ROLE,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';

const emptySummary = (): AccountSummary => ({
  zones: 0,
  clusters: 0,
  vaults: 0,
  plans: 0,
  driftedZones: 0,
  unsupportedClusters: 0,
});

/**
 * Adds to each account entity `spec.summary` (counts of what runs in it and
 * of what needs attention) and, for workload accounts, its backup coverage:
 * `covered` when one of its plans selects resources and copies into a
 * Backup account, `no-selection` when the plans that copy there select
 * nothing, `no-copy` when its plans do not copy there, `no-plan` when it has
 * none, `unknown` when the copying plans' selections or the account's
 * backups could not be read.
 */
export function withAccountSummaries(
  accounts: Entity[],
  resources: Entity[],
  options: { backupRead: (accountId: string) => boolean },
): Entity[] {
  const refOf = (entity: Entity) => stringifyEntityRef(entity);
  const summaries = new Map(accounts.map(a => [refOf(a), emptySummary()]));
  const plansOf = new Map<string, Entity[]>();
  const backupAccountIds = new Set(
    accounts
      .filter(a => a.metadata.labels?.[LABEL_ACCOUNT_ROLE] === 'backup')
      .map(a => a.metadata.annotations?.['amazonaws.com/account-id']),
  );

  for (const resource of resources) {
    const partOf = resource.spec?.partOf;
    if (typeof partOf !== 'string') continue;
    const accountRef = stringifyEntityRef(
      parseEntityRef(partOf, { defaultKind: 'resource' }),
    );
    const summary = summaries.get(accountRef);
    if (!summary) continue;
    const annotations = resource.metadata.annotations ?? {};
    switch (resource.spec?.type) {
      case AWS_ENTITY_TYPES.dnsZone:
        summary.zones++;
        if (annotations[ANNOTATION_DELEGATION_STATUS] === 'drift')
          summary.driftedZones++;
        break;
      case AWS_ENTITY_TYPES.kubernetesCluster:
        summary.clusters++;
        if (annotations[ANNOTATION_EKS_VERSION_SUPPORT] === 'unsupported')
          summary.unsupportedClusters++;
        break;
      case AWS_ENTITY_TYPES.backupVault:
        summary.vaults++;
        break;
      case AWS_ENTITY_TYPES.backupPlan:
        summary.plans++;
        plansOf.set(accountRef, [...(plansOf.get(accountRef) ?? []), resource]);
        break;
      default:
    }
  }

  return accounts.map(account => {
    const ref = refOf(account);
    const role = account.metadata.labels?.[LABEL_ACCOUNT_ROLE];
    const accountId =
      account.metadata.annotations?.['amazonaws.com/account-id'] ?? '';
    const isWorkload = isAccountRole(role) && ACCOUNT_ROLES[role].workload;
    const coverage = isWorkload
      ? backupCoverage(plansOf.get(ref) ?? [], backupAccountIds, () =>
          options.backupRead(accountId),
        )
      : undefined;
    return {
      ...account,
      metadata: {
        ...account.metadata,
        annotations: {
          ...account.metadata.annotations,
          ...(coverage && { [ANNOTATION_BACKUP_COVERAGE]: coverage }),
        },
      },
      spec: { ...account.spec, summary: summaries.get(ref) ?? emptySummary() },
    };
  });
}

/**
 * Covered means a plan that selects at least one resource and copies into
 * the Backup account: a copying plan that selects nothing protects nothing,
 * and one whose selections could not be read is not known to protect
 * anything, so it says `unknown` rather than guessing either way.
 */
function backupCoverage(
  plans: Entity[],
  backupAccountIds: ReadonlySet<string | undefined>,
  backupRead: () => boolean,
): BackupCoverage {
  const copying = plans.filter(plan =>
    copiesTo(plan).some(id => backupAccountIds.has(id)),
  );
  const selections = copying.map(selectionCount);
  if (selections.some(count => count !== undefined && count > 0)) {
    return 'covered';
  }
  if (selections.some(count => count === undefined)) return 'unknown';
  if (copying.length > 0) return 'no-selection';
  if (plans.length > 0) return 'no-copy';
  return backupRead() ? 'no-plan' : 'unknown';
}

function copiesTo(plan: Entity): string[] {
  const plans = plan.spec?.plan as { copiesToAccounts?: unknown } | undefined;
  return Array.isArray(plans?.copiesToAccounts)
    ? plans!.copiesToAccounts.map(String)
    : [];
}

/** How many selections a plan has; undefined when they could not be read. */
function selectionCount(plan: Entity): number | undefined {
  const selections = (plan.spec?.plan as { selections?: unknown } | undefined)
    ?.selections;
  return Array.isArray(selections) ? selections.length : undefined;
}
