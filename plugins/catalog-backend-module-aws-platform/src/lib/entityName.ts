import { createHash } from 'node:crypto';

const MAX_NAME_LENGTH = 63;
const HASH_LENGTH = 8;

/**
 * Turns free text (an account or OU name) into the readable part of a valid
 * entity name or label value: lowercase, `[a-z0-9]` runs joined by single
 * dashes. Lossy: `My_Cluster` and `my-cluster` both become `my-cluster`.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** What an entity name is made of; see {@link scopedEntityName}. */
export interface EntityNameParts {
  /**
   * The exact AWS identifier of the resource, unique within `scope`: an
   * account id, OU id, hosted zone id, cluster or vault name, plan id.
   */
  id: string;
  /**
   * Readable text to lead with instead of the id, e.g. a zone's domain name.
   * Only text that AWS never lets change: a display name would move the
   * entity's ref on every rename.
   */
  readable?: string;
  /** A fixed word naming the type in front, e.g. `account`. */
  prefix?: string;
  /**
   * Identifiers that make `id` unique, e.g. account id and region, kept
   * whole at the end of the name. Account ids and region codes are valid
   * name parts as they are.
   */
  scope?: readonly string[];
}

/**
 * The one naming rule of every entity the ingestion emits: a valid entity
 * name (at most 63 characters, `[a-z0-9]` at both ends, `-` between) that
 * is unique and stable, because it derives from AWS identifiers only.
 *
 * When the name spells `id` exactly, it is `[prefix-]id[-scope…]`. Otherwise
 * (readable text instead of the id, the id lower-cased or otherwise changed
 * by {@link slugify}, or cut short to fit) a short hash of the exact id and
 * scope follows the readable part, so `My_Cluster` and `my-cluster`, or two
 * long names that differ only at the end, still get different names. The
 * scope is never cut. The catalog compares names case-insensitively, which
 * is why a lower-cased id counts as changed.
 */
export function scopedEntityName(parts: EntityNameParts): string {
  const scope = (parts.scope ?? []).map(slugify).filter(Boolean);
  const tail = scope.length > 0 ? `-${scope.join('-')}` : '';
  const lead = [parts.prefix, slugify(parts.readable ?? parts.id)]
    .filter(Boolean)
    .join('-');
  const plain = `${lead}${tail}`;
  const spellsId =
    parts.readable === undefined && slugify(parts.id) === parts.id;
  if (spellsId && plain.length <= MAX_NAME_LENGTH) {
    return plain;
  }
  const hash = createHash('sha256')
    .update([parts.id, ...(parts.scope ?? [])].join('\n'))
    .digest('hex')
    .slice(0, HASH_LENGTH);
  const room = MAX_NAME_LENGTH - tail.length - hash.length - 1;
  const readable = lead.slice(0, Math.max(room, 0)).replace(/-+$/, '');
  return readable ? `${readable}-${hash}${tail}` : `${hash}${tail}`;
}
