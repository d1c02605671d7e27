import { InputError } from '@backstage/errors';
import {
  isAwsTagText,
  quoteInput,
  rejectControlCharacters,
  requireText,
} from './inputText';

describe('quoteInput', () => {
  it('quotes plain values as they are', () => {
    expect(quoteInput('staging.example.com')).toBe("'staging.example.com'");
  });

  it('escapes characters that could forge or hide log text', () => {
    expect(quoteInput('a\r\nX-Injected: 1')).toBe("'a\\r\\nX-Injected: 1'");
    expect(quoteInput('a\u0000b')).toBe("'a\\u0000b'");
    expect(quoteInput('\u202eevil\u200b')).toBe("'\\u202eevil\\u200b'");
    expect(quoteInput('a\u2028b\u2029c\u0085d\u2066')).toBe(
      "'a\\u2028b\\u2029c\\u0085d\\u2066'",
    );
    expect(quoteInput('x\u{e0041}')).toBe("'x\\u{e0041}'");
  });

  it('cuts long values and says how long they were', () => {
    const quoted = quoteInput('x'.repeat(1_000_000));
    expect(quoted.length).toBeLessThan(100);
    expect(quoted).toContain('(1000000 characters)');
  });

  it('describes values that are not text', () => {
    expect(quoteInput(42)).toBe("'42'");
    expect(quoteInput({ toString: 'x' })).toBe('\'{\\"toString\\":\\"x\\"}\'');
    expect(quoteInput(undefined)).toBe("'undefined'");
  });
});

describe('requireText', () => {
  it('returns text and refuses anything else with an InputError', () => {
    expect(requireText('a', 'field')).toBe('a');
    expect(() => requireText(42, 'field')).toThrow(
      'field must be text; got number',
    );
    expect(() => requireText(null, 'field')).toThrow(
      'field must be text; got null',
    );
  });

  it('refuses text with a line separator, which trim() would strip unseen', () => {
    expect(() =>
      requireText('\u2028sandbox.example.com', 'domainName'),
    ).toThrow(InputError);
  });
});

// Every Unicode line break, bidi control and invisible format character,
// besides the ASCII controls: each can forge or reorder a log line.
const HIDDEN_CHARACTERS = [
  ['NUL', '\u0000'],
  ['line feed', '\n'],
  ['DEL', '\u007f'],
  ['next line (NEL)', '\u0085'],
  ['soft hyphen', '\u00ad'],
  ['zero width space', '\u200b'],
  ['right-to-left mark', '\u200f'],
  ['line separator', '\u2028'],
  ['paragraph separator', '\u2029'],
  ['right-to-left override', '\u202e'],
  ['right-to-left isolate', '\u2067'],
  ['word joiner', '\u2060'],
  ['byte order mark', '\ufeff'],
  ['tag letter A', '\u{e0041}'],
];

describe('rejectControlCharacters', () => {
  it.each(HIDDEN_CHARACTERS)('refuses a %s', (_name, character) => {
    expect(() =>
      rejectControlCharacters(`staging${character}.example.com`, 'domainName'),
    ).toThrow(InputError);
  });

  it('names the field and the character, escaped', () => {
    expect(() => rejectControlCharacters('a\u2028b', 'domainName')).toThrow(
      "domainName 'a\\u2028b' contains a control, line-break or invisible character",
    );
  });

  it('returns text with letters, spaces and punctuation as it is', () => {
    expect(rejectControlCharacters('Équipe Données 2 – ok', 'f')).toBe(
      'Équipe Données 2 – ok',
    );
  });
});

describe('isAwsTagText', () => {
  it("accepts AWS's tag characters, non-ASCII letters and spaces included", () => {
    expect(isAwsTagText('cost-center:1234/a_b.c=d+e@f', 1, 128)).toBe(true);
    expect(isAwsTagText('Équipe\u00a0données', 1, 128)).toBe(true);
  });

  it.each(HIDDEN_CHARACTERS)('refuses a %s', (_name, character) => {
    expect(isAwsTagText(`team${character}x`, 1, 256)).toBe(false);
  });

  it('holds the value to its length bounds', () => {
    expect(isAwsTagText('', 0, 256)).toBe(true);
    expect(isAwsTagText('', 1, 128)).toBe(false);
    expect(isAwsTagText('a'.repeat(129), 1, 128)).toBe(false);
    expect(isAwsTagText(42, 0, 256)).toBe(false);
  });
});
