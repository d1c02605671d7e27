import { InputError } from '@backstage/errors';
import { quoteInput, requireText } from './inputText';

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Lowercases a DNS name and drops a trailing dot, or throws an InputError
 * saying what is wrong with it. Only hostname characters are accepted: no
 * wildcards, underscores, spaces or escapes reach Route 53.
 */
export function normalizeDomainName(value: unknown, field: string): string {
  const name = requireText(value, field)
    .trim()
    .toLocaleLowerCase('en-US')
    .replace(/\.$/, '');
  if (!name) {
    throw new InputError(`${field} is empty`);
  }
  if (name.length > 253) {
    throw new InputError(
      `${field} is longer than the 253 characters DNS allows`,
    );
  }
  const labels = name.split('.');
  if (labels.length < 2) {
    throw new InputError(
      `${field} ${quoteInput(name)} is not a fully qualified domain name`,
    );
  }
  for (const label of labels) {
    if (!LABEL.test(label)) {
      throw new InputError(
        `${field} ${quoteInput(name)} has the label ${quoteInput(
          label,
        )}; labels are 1 to 63 letters, digits or inner hyphens`,
      );
    }
  }
  return name;
}

/**
 * The allowed parent zone a subdomain belongs to: the longest allowed zone
 * it is strictly under. Throws an InputError when there is none.
 */
export function findAllowedParent(
  domainName: string,
  allowedParents: string[],
): string {
  const candidates = allowedParents
    .filter(parent => domainName.endsWith(`.${parent}`))
    .sort((a, b) => b.length - a.length);
  if (candidates.length === 0) {
    throw new InputError(
      `${quoteInput(domainName)} is not under an allowed parent zone (${
        allowedParents.join(', ') || 'none configured'
      })`,
    );
  }
  return candidates[0];
}
