import { InputError } from '@backstage/errors';
import { findAllowedParent, normalizeDomainName } from '../lib/dnsNames';
import { isAwsTagText, quoteInput } from '../lib/inputText';

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
    userTags: validateUserTags(raw.tags ?? {}),
    repairDelegation: raw.repairDelegation === true,
  };
}

/**
 * Tags a template may add to the zone: valid AWS tags that cannot say who
 * owns it. `owner` comes from the owner input and the suite's own keys
 * (`aws-platform.io/...`) prove who made it, so neither may come from here.
 */
function validateUserTags(tags: unknown): Record<string, string> {
  if (typeof tags !== 'object' || tags === null || Array.isArray(tags)) {
    throw new InputError('tags must be an object of tag keys to values');
  }
  const keys = Object.keys(tags);
  if (keys.length > MAX_USER_TAGS) {
    throw new InputError(
      `At most ${MAX_USER_TAGS} tags may be given; got ${keys.length}`,
    );
  }
  for (const key of keys) {
    if (!isAwsTagText(key, 1, 128) || key.startsWith('aws:')) {
      throw new InputError(
        `Tag key ${quoteInput(key)} is not a valid AWS tag key`,
      );
    }
    const folded = key.trim().toLocaleLowerCase('en-US');
    if (folded === 'owner' || folded.startsWith('aws-platform.io/')) {
      throw new InputError(
        `Tag key ${quoteInput(
          key,
        )} is set by the action (owner comes from the owner input); leave it out of tags`,
      );
    }
    const value = (tags as Record<string, unknown>)[key];
    if (!isAwsTagText(value, 0, 256)) {
      throw new InputError(
        `The value of tag ${quoteInput(key)} is not a valid AWS tag value`,
      );
    }
  }
  return tags as Record<string, string>;
}
