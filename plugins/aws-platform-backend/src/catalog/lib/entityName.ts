import { createHash } from 'node:crypto';

const MAX_NAME_LENGTH = 63;

/**
 * Turns free text (an account or OU name) into the readable part of a valid
 * entity name: lowercase, `[a-z0-9]` runs joined by single dashes.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A valid, collision-free entity name: the readable text followed by a
 * unique id (account id, OU id). When both do not fit in 63 characters the
 * text is shortened, never the id, so two entities can never share a name.
 */
export function entityName(readable: string, uniqueId: string): string {
  const id = slugify(uniqueId);
  if (id.length >= MAX_NAME_LENGTH) {
    const hash = createHash('sha256')
      .update(uniqueId)
      .digest('hex')
      .slice(0, 12);
    return `${id.slice(0, MAX_NAME_LENGTH - hash.length - 1)}-${hash}`;
  }
  const room = MAX_NAME_LENGTH - id.length - 1;
  const text = slugify(readable).slice(0, room).replace(/-+$/, '');
  return text ? `${text}-${id}` : id;
}
