import {
  DescribeOrganizationCommand,
  OrganizationsClient,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
  paginateListRoots,
  paginateListTagsForResource,
} from '@aws-sdk/client-organizations';
import { collectPages } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { mapAllOrThrow } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { readDelegatedAdministrators } from './readDelegatedAdministrators';
import {
  AccountRecord,
  AwsTags,
  LandingZoneRecord,
  OrganizationSnapshot,
  OrganizationalUnitRecord,
} from './types';

/** Organizations' largest page for List* calls. */
const PAGE_SIZE = 20;

/**
 * The organization's id, as DescribeOrganization answers it now: one call,
 * to confirm at the end of a run that the organization read at its start is
 * still the one the scopes were read from.
 */
export async function readOrganizationId(
  client: OrganizationsClient,
): Promise<string> {
  const { Organization } = await client.send(
    new DescribeOrganizationCommand({}),
  );
  if (!Organization?.Id) {
    throw new Error('DescribeOrganization returned no organization');
  }
  return Organization.Id;
}

/**
 * Reads the whole organization: the root, every OU (breadth first, so each
 * parent's id is known without ListParents calls), every account and the
 * tags of each, the delegated administrators and, when `readLandingZone` is
 * given, the Control Tower landing zone: the facts account roles are
 * recognised from. Throws if any call fails: a partial organization must
 * never replace a complete one in the catalog.
 */
export async function readOrganization(
  client: OrganizationsClient,
  options: {
    concurrency: number;
    /** Undefined when the organization has no landing zone. */
    readLandingZone?: () => Promise<LandingZoneRecord | undefined>;
    /**
     * Tags of accounts read recently enough to carry (by account id): those
     * accounts' tags are not read again. An account not in it is read.
     */
    carriedTags?: ReadonlyMap<string, AwsTags>;
  },
): Promise<OrganizationSnapshot> {
  const { Organization } = await client.send(
    new DescribeOrganizationCommand({}),
  );
  if (!Organization?.Id || !Organization.MasterAccountId || !Organization.Arn) {
    throw new Error('DescribeOrganization returned no organization');
  }

  const roots = await collectPages(
    paginateListRoots({ client, pageSize: PAGE_SIZE }, {}),
    page => page.Roots,
  );
  const units: Omit<OrganizationalUnitRecord, 'tags'>[] = roots.map(root => ({
    id: root.Id!,
    name: root.Name ?? 'Root',
    arn: root.Arn!,
  }));
  const accounts: Omit<AccountRecord, 'tags'>[] = [];

  // Breadth-first: each level's parents are listed concurrently.
  let level = units.map(unit => unit.id);
  while (level.length > 0) {
    const children = await mapAllOrThrow(
      level,
      options.concurrency,
      async parentId => {
        const [childUnits, childAccounts] = await Promise.all([
          collectPages(
            paginateListOrganizationalUnitsForParent(
              { client, pageSize: PAGE_SIZE },
              { ParentId: parentId },
            ),
            page => page.OrganizationalUnits,
          ),
          collectPages(
            paginateListAccountsForParent(
              { client, pageSize: PAGE_SIZE },
              { ParentId: parentId },
            ),
            page => page.Accounts,
          ),
        ]);
        return { parentId, childUnits, childAccounts };
      },
    );
    level = [];
    for (const { parentId, childUnits, childAccounts } of children) {
      for (const unit of childUnits) {
        units.push({
          id: unit.Id!,
          name: unit.Name ?? unit.Id!,
          arn: unit.Arn!,
          parentId,
        });
        level.push(unit.Id!);
      }
      for (const account of childAccounts) {
        accounts.push({
          id: account.Id!,
          name: account.Name ?? account.Id!,
          email: account.Email ?? '',
          arn: account.Arn!,
          status: account.State ?? account.Status ?? 'UNKNOWN',
          joinedAt: account.JoinedTimestamp?.toISOString(),
          parentId,
        });
      }
    }
  }

  const unitTags = await mapAllOrThrow(units, options.concurrency, unit =>
    readTags(client, unit.id),
  );
  const carried = options.carriedTags ?? new Map<string, AwsTags>();
  const accountTags = await mapAllOrThrow(
    accounts,
    options.concurrency,
    async account =>
      carried.get(account.id) ?? (await readTags(client, account.id)),
  );
  const carriedTagAccounts = accounts
    .map(account => account.id)
    .filter(id => carried.has(id));
  const delegatedAdministrators = await readDelegatedAdministrators(
    client,
    options,
  );
  const landingZone = await options.readLandingZone?.();

  return {
    organizationId: Organization.Id,
    organizationArn: Organization.Arn,
    managementAccountId: Organization.MasterAccountId,
    organizationalUnits: units.map((unit, i) => ({
      ...unit,
      tags: unitTags[i],
    })),
    accounts: accounts.map((account, i) => ({
      ...account,
      tags: accountTags[i],
    })),
    ...(delegatedAdministrators && { delegatedAdministrators }),
    ...(landingZone && { landingZone }),
    ...(carriedTagAccounts.length > 0 && { carriedTagAccounts }),
  };
}

/** The tags of an account, OU or root, as Organizations holds them now. */
export async function readTags(
  client: OrganizationsClient,
  resourceId: string,
): Promise<AwsTags> {
  const tags = await collectPages(
    paginateListTagsForResource({ client }, { ResourceId: resourceId }),
    page => page.Tags,
  );
  return Object.fromEntries(tags.map(tag => [tag.Key!, tag.Value ?? '']));
}
