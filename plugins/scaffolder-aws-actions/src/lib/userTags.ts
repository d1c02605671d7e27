import { InputError } from '@backstage/errors';
import { isAwsTagText, quoteInput } from './inputText';

// `owner` comes from the owner input (a catalog Group) and
// `aws-platform-suite.github.io/` keys (and the 0.1 prefix `aws-platform.io/`)
// prove what the suite made; `aws:` keys are AWS's own. Case and surrounding
// blanks do not make a key another one.
const RESERVED_TAG_KEY =
  /^\s*(owner\s*$|aws-platform-suite\.github\.io\/|aws-platform\.io\/|aws:)/i;

/**
 * The tags a template may add to what an action creates: at most `maxTags`
 * valid AWS tags, none of which may say who owns the resource or imitate the
 * suite's proof of ownership, since that would let a template forge another
 * team's ownership.
 */
export function checkUserTags(
  tags: unknown,
  maxTags: number,
): Record<string, string> {
  if (typeof tags !== 'object' || tags === null || Array.isArray(tags)) {
    throw new InputError('tags must be an object of tag keys to values');
  }
  const entries = Object.entries(tags);
  if (entries.length > maxTags) {
    throw new InputError(
      `At most ${maxTags} tags may be given; got ${entries.length}`,
    );
  }
  for (const [key, value] of entries) {
    if (!isAwsTagText(key, 1, 128)) {
      throw new InputError(
        `Tag key ${quoteInput(key)} is not a valid AWS tag key`,
      );
    }
    if (RESERVED_TAG_KEY.test(key)) {
      throw new InputError(
        `tags may not set ${quoteInput(
          key,
        )}: owner comes from the owner field, and aws-platform-suite.github.io/ and aws: keys are not the template's to set`,
      );
    }
    if (!isAwsTagText(value, 0, 256)) {
      throw new InputError(
        `The value of tag ${quoteInput(key)} is not a valid AWS tag value`,
      );
    }
  }
  return Object.fromEntries(entries) as Record<string, string>;
}
