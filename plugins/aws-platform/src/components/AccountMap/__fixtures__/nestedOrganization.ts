import { Entity } from '@backstage/catalog-model';
import { accountEntity, ouEntity } from './organizationEntities';

/** The OUs of {@link nestedOrganization}, parents first. */
export const NESTED_OUS = [
  'Root',
  'Root/Security',
  'Root/Infrastructure',
  'Root/Infrastructure/Shared',
  'Root/Infrastructure/Network',
  'Root/Workloads',
  'Root/Workloads/Prod',
  'Root/Workloads/Prod/Payments',
  'Root/Workloads/Prod/Search',
  'Root/Workloads/Prod/Data',
  'Root/Workloads/Prod/Mobile',
  'Root/Workloads/NonProd',
  'Root/Workloads/NonProd/Payments',
  'Root/Workloads/NonProd/Search',
  'Root/Workloads/NonProd/Data',
  'Root/Workloads/NonProd/Mobile',
  'Root/Sandbox',
  'Root/Suspended',
] as const;

// Where workload accounts go, round robin, with their role.
const WORKLOAD_OUS: Array<[string, string]> = [
  ...NESTED_OUS.filter(ou => ou.startsWith('Root/Workloads/Prod/')).map(
    (ou): [string, string] => [ou, 'production'],
  ),
  ...NESTED_OUS.filter(ou => ou.startsWith('Root/Workloads/NonProd/')).map(
    (ou): [string, string] => [ou, 'sandbox'],
  ),
  ['Root/Sandbox', 'sandbox'],
];

/** The landing zone's and the shared accounts: seven, one per guide role. */
const PLATFORM: Array<[string, string, string]> = [
  ['acme-org', 'management', 'Root'],
  ['acme-logs', 'log-archive', 'Root/Security'],
  ['acme-audit', 'audit', 'Root/Security'],
  ['acme-identity', 'identity', 'Root/Infrastructure/Shared'],
  ['acme-ops', 'operations', 'Root/Infrastructure/Shared'],
  ['acme-backup', 'backup', 'Root/Infrastructure/Shared'],
  ['acme-network', 'network', 'Root/Infrastructure/Network'],
];

/**
 * A generated organization named unlike the guide, with nested OUs: the
 * seven platform accounts, then `accounts - 7` workload accounts spread
 * round robin over four production team OUs, four non-production team OUs
 * and Sandbox, and an empty Suspended OU. The OU tree is the same whatever
 * the size, so what changes between sizes is the number of accounts only.
 */
export function nestedOrganization(accounts: number): Entity[] {
  const ouId = (index: number) =>
    index === 0 ? 'r-nest' : `ou-nest-${String(index).padStart(4, '0')}`;
  const entities: Entity[] = NESTED_OUS.map((path, i) => {
    const parent = path.split('/').slice(0, -1).join('/');
    const parentIndex = (NESTED_OUS as readonly string[]).indexOf(parent);
    return ouEntity(
      path,
      ouId(i),
      parentIndex < 0 ? undefined : ouId(parentIndex),
    );
  });
  PLATFORM.slice(0, accounts).forEach(([title, role, path], i) =>
    entities.push(
      accountEntity({
        title,
        role,
        path,
        id: String(300000000000 + i),
        summary: {},
      }),
    ),
  );
  for (let i = 0; i < accounts - PLATFORM.length; i++) {
    const [path, role] = WORKLOAD_OUS[i % WORKLOAD_OUS.length];
    const team = path.split('/').pop()!.toLowerCase();
    entities.push(
      accountEntity({
        title: `acme-${team}-${role === 'production' ? 'prod' : 'dev'}-${
          i + 1
        }`,
        role,
        path,
        id: String(310000000000 + i),
        coverage: i % 7 === 0 ? 'no-plan' : 'covered',
        summary: {
          zones: 1,
          clusters: 1,
          vaults: 1,
          plans: i % 7 === 0 ? 0 : 1,
        },
      }),
    );
  }
  return entities;
}
