import { quoteInput, requireText } from './inputText';

describe('quoteInput', () => {
  it('quotes plain values as they are', () => {
    expect(quoteInput('staging.example.com')).toBe("'staging.example.com'");
  });

  it('escapes characters that could forge or hide log text', () => {
    expect(quoteInput('a\r\nX-Injected: 1')).toBe("'a\\r\\nX-Injected: 1'");
    expect(quoteInput('a\u0000b')).toBe("'a\\u0000b'");
    expect(quoteInput('\u202eevil\u200b')).toBe("'\\u202eevil\\u200b'");
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
});
