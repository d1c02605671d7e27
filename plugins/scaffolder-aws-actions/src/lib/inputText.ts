import { InputError } from '@backstage/errors';

const MAX_QUOTED_CHARS = 60;
/**
 * Characters that can forge, reorder or hide text in a log line or a
 * browser: controls (C0, DEL, C1 with NEL), format characters (zero-width,
 * bidi marks and isolates, BOM, soft hyphen, tag letters) and the Unicode
 * line and paragraph separators U+2028 and U+2029.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const HIDDEN_ALL = new RegExp(HIDDEN.source, 'gu');
/**
 * AWS's character set of tag keys and values, with the space separators of
 * `\p{Z}` only: AWS's own `\p{Z}` lets U+2028 and U+2029 through.
 */
const AWS_TAG_TEXT = /^[\p{L}\p{Zs}\p{N}_.:/=+\-@]*$/u;

function escapeCodePoint(character: string): string {
  const code = character.codePointAt(0)!;
  return code > 0xffff
    ? `\\u{${code.toString(16)}}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * A user's value as it may appear in an error message or a log line: in
 * single quotes, control and invisible characters escaped, cut at 60
 * characters. Errors reach task logs and the browser, so a hostile input
 * must not be able to forge log lines or flood them.
 */
export function quoteInput(value: unknown): string {
  let text: string;
  if (typeof value === 'string') {
    text = value;
  } else {
    try {
      text = JSON.stringify(value) ?? typeof value;
    } catch {
      text = typeof value;
    }
  }
  const cut =
    text.length > MAX_QUOTED_CHARS
      ? `${text.slice(0, MAX_QUOTED_CHARS)}... (${text.length} characters)`
      : text;
  // JSON.stringify escapes C0 controls; the rest of HIDDEN is escaped here.
  const escaped = JSON.stringify(cut)
    .slice(1, -1)
    .replace(HIDDEN_ALL, escapeCodePoint);
  return `'${escaped}'`;
}

/**
 * Returns `value`, or throws an InputError when it holds a control,
 * line-break, bidi or other invisible character. No input of the actions
 * needs one, and each could forge or hide text where the value is shown.
 */
export function rejectControlCharacters(value: string, field: string): string {
  if (HIDDEN.test(value)) {
    throw new InputError(
      `${field} ${quoteInput(
        value,
      )} contains a control, line-break or invisible character`,
    );
  }
  return value;
}

/**
 * Whether `value` is a tag key or value AWS accepts (letters, digits,
 * spaces and `_.:/=+-@`, `min` to `max` characters), without the line and
 * paragraph separators AWS's own character set lets through.
 */
export function isAwsTagText(
  value: unknown,
  min: number,
  max: number,
): value is string {
  return (
    typeof value === 'string' &&
    value.length >= min &&
    value.length <= max &&
    AWS_TAG_TEXT.test(value)
  );
}

/**
 * The value of a text input, or an InputError. The scaffolder validates
 * inputs against the action's schema first; this holds the handler to the
 * same contract when it is called some other way. Control and invisible
 * characters are refused here, before any `trim()` could strip them unseen.
 */
export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string') {
    throw new InputError(
      `${field} must be text; got ${value === null ? 'null' : typeof value}`,
    );
  }
  return rejectControlCharacters(value, field);
}
