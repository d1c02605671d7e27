import type { AccountRole } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import type { AccountInfo, MappingContext } from '../resources/mappingContext';

/** Account ids of the local reference estate (packages/local-aws). */
export const NETWORK = '454948083136';
export const BACKUP = '499091334123';
export const PRODUCTION = '715451680876';
export const SANDBOX = '171870262174';

function account(
  id: string,
  name: string,
  role: AccountRole,
  owner: string,
): [string, AccountInfo] {
  return [
    id,
    {
      id,
      name,
      role,
      entityRef: `resource:default/account-${id}`,
      owner: `group:default/${owner}`,
    },
  ];
}

/** The mapping context of an ingestion run over the reference estate. */
export const referenceMappingContext: MappingContext = {
  locationRef: 'aws-platform:organization/o-hbrpoig8f1',
  organizationId: 'o-hbrpoig8f1',
  ownerTagKey: 'owner',
  accounts: new Map([
    account(NETWORK, 'Network', 'network', 'platform-team'),
    account(BACKUP, 'Backup', 'backup', 'platform-team'),
    account(PRODUCTION, 'Production', 'production', 'app-developers'),
    account(SANDBOX, 'Sandbox', 'sandbox', 'app-developers'),
  ]),
};
