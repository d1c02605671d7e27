/**
 * The start every account name shares, up to a word boundary, when there
 * is one: in an organization whose accounts are all "Umbrella …" or
 * "hooli-media-…", the tiles show what differs ("Log Archive", "dev")
 * instead of cutting every name after the company.
 */

// A prefix ends after one of these, so that no word is split.
const SEPARATOR = /[\s\-_.:/]/;
// What each name must keep after the prefix to still read as a name.
const MIN_REST = 3;

/** The shared prefix of `names` ending with a separator, or ''. */
export function commonNamePrefix(names: string[]): string {
  if (names.length < 2) return '';
  const first = names[0];
  let length = names.reduce(
    (shared, name) => Math.min(shared, sharedLength(first, name)),
    first.length,
  );
  // Back up to just after the last separator inside the shared part.
  while (length > 0 && !SEPARATOR.test(first[length - 1])) length -= 1;
  const prefix = first.slice(0, length);
  const keepsEnough = names.every(
    name => name.slice(prefix.length).trim().length >= MIN_REST,
  );
  return prefix.trim() && keepsEnough ? prefix : '';
}

/** How many leading characters `a` and `b` have in common. */
function sharedLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  return i;
}
