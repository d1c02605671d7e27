import { scopedEntityName } from '../lib/entityName';

/** The catalog's longest entity name. */
const MAX_NAME_LENGTH = 63;

/**
 * The entity name of an Identity Store user or group: its user name or
 * display name, lower-cased, with characters the catalog refuses replaced by
 * `-`, so an `owner` tag naming the group (`platform-team`) resolves to it.
 * A name that must be cut, or has nothing left, falls back to the suite's
 * hashed naming rule on the principal's id.
 */
export function principalEntityName(text: string, principalId: string): string {
  const name = text
    .normalize('NFKD')
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  if (name.length > 0 && name.length <= MAX_NAME_LENGTH) return name;
  return scopedEntityName({ id: principalId, readable: text });
}
