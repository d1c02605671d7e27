import { attributedSessionName } from './sessionIdentity';

const STS_NAME = /^[\w+=,.@-]{2,64}$/;

describe('attributedSessionName', () => {
  it('maps a user ref of the usual shape without loss', () => {
    expect(attributedSessionName('user:default/jane.doe')).toBe(
      'backstage@default.jane.doe',
    );
    expect(attributedSessionName('user:team-a/j_doe-2')).toBe(
      'backstage@team-a.j_doe-2',
    );
  });

  it('gives the same name to the same ref in any case', () => {
    expect(attributedSessionName('User:Default/Jane.Doe')).toBe(
      'backstage@default.jane.doe',
    );
  });

  it.each([
    ['a line break', 'user:default/jane\nX-Forged: 1'],
    ['a carriage return', 'user:default/jane\r\nadmin'],
    ['a line separator', 'user:default/jane\u2028admin'],
    ['a bidi override', 'user:default/\u202enimda'],
    ['accents', 'user:default/jöhn.dœ'],
    ['emoji', 'user:default/🙂'],
    ['another kind', 'group:default/admins'],
    ['no kind', 'default/jane.doe'],
    ['spaces and quotes', `user:default/jane "doe' OR 1=1`],
    ['a very long name', `user:default/${'a'.repeat(300)}`],
    ['only a hostile character', '\u0000'],
  ])('keeps a ref with %s inside STS alphabet and length', (_case, ref) => {
    const name = attributedSessionName(ref);
    expect(name).toMatch(STS_NAME);
    expect(name).toMatch(/^backstage@.*\+[0-9a-f]{12}$/);
  });

  it('keeps what it can read of a hostile ref', () => {
    expect(attributedSessionName('user:default/jane\ndoe')).toMatch(
      /^backstage@default\.jane-doe\+[0-9a-f]{12}$/,
    );
    expect(attributedSessionName('user:default/jöhn')).toMatch(
      /^backstage@default\.john\+/,
    );
  });

  it('tells apart refs that sanitise or cut alike', () => {
    const names = [
      'user:default/jane doe',
      'user:default/jane\tdoe',
      'user:default/jane\u2028doe',
      'user:default.jane/doe',
      `user:default/${'a'.repeat(80)}x`,
      `user:default/${'a'.repeat(80)}y`,
    ].map(attributedSessionName);
    expect(new Set(names).size).toBe(names.length);
  });

  it('never gives a hostile ref the name of a readable one', () => {
    // 'jane doe' sanitises to 'jane-doe', the name of another user.
    expect(attributedSessionName('user:default/jane doe')).not.toBe(
      attributedSessionName('user:default/jane-doe'),
    );
  });

  it('cuts a long ref of the usual shape to 64 characters with a hash', () => {
    const name = attributedSessionName(`user:default/${'b'.repeat(60)}`);
    expect(name).toHaveLength(64);
    expect(name).toMatch(/^backstage@default\.b+\+[0-9a-f]{12}$/);
  });

  it('refuses an empty ref: a change must name its user', () => {
    expect(() => attributedSessionName('')).toThrow(
      expect.objectContaining({ name: 'NotAllowedError' }),
    );
    expect(() => attributedSessionName('  ')).toThrow(/names none/);
  });
});
