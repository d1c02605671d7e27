import { InputError } from '@backstage/errors';
import { findAllowedParent, normalizeDomainName } from '../lib/dnsNames';
import { quoteInput } from '../lib/inputText';
import { checkUserTags } from '../lib/userTags';

/** At most this many tags may come from a template. */
export const MAX_USER_TAGS = 8;

/**
 * First labels no template may request when config does not say otherwise:
 * names that mail, web and sign-in flows trust, where a zone in a workload
 * account would let its holders answer for the whole company.
 */
export const DEFAULT_RESERVED_SUBDOMAINS = [
  'www',
  'mail',
  'api',
  'admin',
  'autodiscover',
];

/** The action's input as the template passes it. */
export interface RawSubdomainInput {
  domainName?: unknown;
  account?: unknown;
  owner?: unknown;
  tags?: unknown;
  repairDelegation?: unknown;
}

/** The input once every field is checked (the account and owner still raw). */
export interface SubdomainInput {
  domainName: string;
  parentName: string;
  userTags: Record<string, string>;
  repairDelegation: boolean;
}

/**
 * Checks every field that needs no catalog or AWS read, or throws an
 * InputError saying what is wrong: the name (under an allowed parent, not
 * reserved), the tags (valid AWS tags that cannot claim ownership) and the
 * repair option.
 */
export function validateSubdomainInput(
  raw: RawSubdomainInput,
  route53: { parentZones: string[]; reservedSubdomains?: string[] },
): SubdomainInput {
  const domainName = normalizeDomainName(raw.domainName, 'domainName');
  const parentName = findAllowedParent(domainName, route53.parentZones);
  const firstLabel = domainName.split('.')[0];
  const reserved = route53.reservedSubdomains ?? DEFAULT_RESERVED_SUBDOMAINS;
  if (reserved.includes(firstLabel)) {
    throw new InputError(
      `${quoteInput(domainName)} starts with the reserved name ${quoteInput(
        firstLabel,
      )} (scaffolder.awsPlatform.route53.reservedSubdomains); ask the platform team`,
    );
  }
  if (
    raw.repairDelegation !== undefined &&
    typeof raw.repairDelegation !== 'boolean'
  ) {
    throw new InputError('repairDelegation must be true or false');
  }
  return {
    domainName,
    parentName,
    userTags: checkUserTags(raw.tags ?? {}, MAX_USER_TAGS),
    repairDelegation: raw.repairDelegation === true,
  };
}
