import { InputError } from '@backstage/errors';

const MAX_QUOTED_CHARS = 60;
// JSON.stringify escapes C0 controls; these others can still reorder or hide
// text in a log line or a browser (DEL, C1 controls, zero-width and bidi marks).
const INVISIBLE =
  /[\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

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
  const escaped = JSON.stringify(cut)
    .slice(1, -1)
    .replace(
      INVISIBLE,
      c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  return `'${escaped}'`;
}

/**
 * The value of a text input, or an InputError. The scaffolder validates
 * inputs against the action's schema first; this holds the handler to the
 * same contract when it is called some other way.
 */
export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string') {
    throw new InputError(
      `${field} must be text; got ${value === null ? 'null' : typeof value}`,
    );
  }
  return value;
}
