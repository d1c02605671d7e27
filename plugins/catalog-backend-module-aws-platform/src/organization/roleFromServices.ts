import type { AccountRole } from '@aws-platform-suite/backstage-plugin-aws-platform-common';

// The services whose delegated administrator the guide puts in each account:
// Identity Center in Identity, AWS Backup in Backup, the security services
// in Audit (Control Tower's security account), network services in Network,
// Systems Manager in Operations.
const ROLE_BY_SERVICE: Record<string, AccountRole> = {
  'sso.amazonaws.com': 'identity',
  'backup.amazonaws.com': 'backup',
  'securityhub.amazonaws.com': 'audit',
  'guardduty.amazonaws.com': 'audit',
  'config.amazonaws.com': 'audit',
  'config-multiaccountsetup.amazonaws.com': 'audit',
  'access-analyzer.amazonaws.com': 'audit',
  'inspector2.amazonaws.com': 'audit',
  'macie.amazonaws.com': 'audit',
  'detective.amazonaws.com': 'audit',
  'auditmanager.amazonaws.com': 'audit',
  'ipam.amazonaws.com': 'network',
  'route53resolver.amazonaws.com': 'network',
  'networkmanager.amazonaws.com': 'network',
  'ssm.amazonaws.com': 'operations',
};

/**
 * The guide role whose account administers the given service for the
 * organization, or undefined for a service the guide does not place.
 */
export function roleFromService(
  servicePrincipal: string,
): AccountRole | undefined {
  return ROLE_BY_SERVICE[servicePrincipal.toLocaleLowerCase('en-US')];
}
