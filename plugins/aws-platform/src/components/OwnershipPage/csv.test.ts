import { csvField, toCsv } from './csv';

describe('csvField', () => {
  it('leaves plain values as they are', () => {
    expect(csvField('group:default/platform-team')).toBe(
      'group:default/platform-team',
    );
    expect(csvField(42)).toBe('42');
    expect(csvField(false)).toBe('false');
  });

  it('writes null and undefined as empty cells', () => {
    expect(csvField(undefined)).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('');
  });

  it('quotes values with commas', () => {
    expect(csvField('Root/Workloads, Sandbox')).toBe(
      '"Root/Workloads, Sandbox"',
    );
  });

  it('quotes values with double quotes and doubles them', () => {
    expect(csvField('the "Audit" account')).toBe('"the ""Audit"" account"');
    expect(csvField('"')).toBe('""""');
  });

  it('quotes values with line breaks', () => {
    expect(csvField('first\nsecond')).toBe('"first\nsecond"');
    expect(csvField('first\r\nsecond')).toBe('"first\r\nsecond"');
    expect(csvField('first\rsecond')).toBe('"first\rsecond"');
  });

  it('quotes values with leading or trailing spaces, which readers may trim', () => {
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('padded ')).toBe('"padded "');
    expect(csvField('inner space')).toBe('inner space');
  });
});

describe('csvField and formula injection (OWASP CSV injection)', () => {
  // A cell a spreadsheet would read as a formula: a tag or title someone
  // set in AWS or in a catalog file could run it on a reviewer's machine.
  it.each([
    [
      '=HYPERLINK("http://evil.example","x")',
      `"'=HYPERLINK(""http://evil.example"",""x"")"`,
    ],
    ["+1+cmd|' /C calc'!A0", `"'+1+cmd|\' /C calc\'!A0"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1:A2)', `"'@SUM(A1:A2)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
  ])(
    'neutralises %j with a leading quote, and quotes the cell',
    (value, expected) => {
      expect(csvField(value)).toBe(expected);
    },
  );

  it('leaves the same characters alone inside a value', () => {
    expect(csvField('group:default/team-a')).toBe('group:default/team-a');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('ops@example.com')).toBe('ops@example.com');
  });

  it('neutralises header cells and rows alike', () => {
    expect(toCsv(['=Owner'], [['@owner']])).toBe(`"'=Owner"\r\n"'@owner"\r\n`);
  });
});

describe('toCsv', () => {
  it('writes the header and one CRLF-ended line per row', () => {
    expect(
      toCsv(
        ['Entity', 'Owner'],
        [
          ['Production', 'group:default/platform-team'],
          ['Audit, the account', 'group:default/"security"'],
        ],
      ),
    ).toBe(
      'Entity,Owner\r\n' +
        'Production,group:default/platform-team\r\n' +
        '"Audit, the account","group:default/""security"""\r\n',
    );
  });

  it('escapes the header too and keeps multi-line cells in one record', () => {
    expect(toCsv(['a,b', 'c'], [['line 1\nline 2', 'x']])).toBe(
      '"a,b",c\r\n"line 1\nline 2",x\r\n',
    );
  });

  it('pads short rows with empty cells and drops cells beyond the header', () => {
    expect(toCsv(['a', 'b', 'c'], [['1'], ['1', '2', '3', '4']])).toBe(
      'a,b,c\r\n1,,\r\n1,2,3\r\n',
    );
  });

  it('writes only the header when there are no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('a,b\r\n');
  });
});
