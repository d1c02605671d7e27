import { createHash } from 'node:crypto';
import { NotAllowedError } from '@backstage/errors';

const PREFIX = 'backstage@';
/** STS's limit for RoleSessionName and SourceIdentity. */
const MAX_LENGTH = 64;
/** 48 bits of the ref's hash: two refs that sanitise alike do not meet. */
const HASH_DIGITS = 12;
/** A user ref as the catalog writes it; it maps to a name without loss. */
const CANONICAL_USER_REF = /^user:([a-z0-9-]+)\/([a-z0-9._-]+)$/;
const OUTSIDE_STS_ALPHABET = /[^\w+=,.@-]/g;
const COMBINING_MARKS = /\p{M}/gu;

/**
 * The STS session name and source identity of the changes made for a user,
 * from their entity ref: `user:default/jane.doe` → `backstage@default.jane.doe`.
 *
 * Deterministic, so CloudTrail groups one person's sessions, and within
 * STS's alphabet (`[\w+=,.@-]`, 2 to 64 characters). The ref is lowercased
 * (entity refs are case-insensitive). A ref of the catalog's usual shape
 * maps without loss. Any other ref (characters outside the alphabet, line
 * breaks, accents, another kind) or a name that would be too long keeps a
 * readable, sanitised and cut prefix followed by `+` and a hash of the
 * whole ref. Readable names never contain `+`, so the two forms cannot
 * collide.
 */
export function attributedSessionName(userEntityRef: string): string {
  const ref = userEntityRef.toLocaleLowerCase('en-US');
  if (!ref.trim()) {
    throw new NotAllowedError(
      'AWS changes are made for a user, and this request names none',
    );
  }
  const canonical = CANONICAL_USER_REF.exec(ref);
  if (canonical) {
    const name = `${PREFIX}${canonical[1]}.${canonical[2]}`;
    if (name.length <= MAX_LENGTH) return name;
  }
  const readable = ref
    .replace(/^user:/, '')
    .replace('/', '.')
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(OUTSIDE_STS_ALPHABET, '-');
  const hash = createHash('sha256')
    .update(ref)
    .digest('hex')
    .slice(0, HASH_DIGITS);
  const room = MAX_LENGTH - PREFIX.length - 1 - HASH_DIGITS;
  return `${PREFIX}${readable.slice(0, room)}+${hash}`;
}
