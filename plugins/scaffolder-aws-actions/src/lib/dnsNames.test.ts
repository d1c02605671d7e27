import { findAllowedParent, normalizeDomainName } from './dnsNames';

describe('normalizeDomainName', () => {
  it('lowercases and drops the trailing dot', () => {
    expect(normalizeDomainName('Staging.Example.COM.', 'domainName')).toBe(
      'staging.example.com',
    );
  });

  it.each([
    ['', 'is empty'],
    ['localhost', 'not a fully qualified domain name'],
    ['*.example.com', "has the label '*'"],
    ['under_score.example.com', "has the label 'under_score'"],
    ['-bad.example.com', "has the label '-bad'"],
    ['a..example.com', "has the label ''"],
    [`${'a'.repeat(64)}.example.com`, 'labels are 1 to 63'],
    [`${'a.'.repeat(127)}com`, 'longer than the 253 characters'],
    ['evil.example.com; rm -rf /', "has the label 'com; rm -rf /'"],
  ])('rejects %j', (value, reason) => {
    expect(() => normalizeDomainName(value, 'domainName')).toThrow(reason);
  });
});

describe('findAllowedParent', () => {
  const parents = ['example.com', 'sandbox.example.com'];

  it('picks the longest allowed parent the name is under', () => {
    expect(findAllowedParent('staging.example.com', parents)).toBe(
      'example.com',
    );
    expect(findAllowedParent('dev.sandbox.example.com', parents)).toBe(
      'sandbox.example.com',
    );
  });

  it('refuses the parent itself, look-alikes and other domains', () => {
    expect(() => findAllowedParent('example.com', parents)).toThrow(
      'not under an allowed parent',
    );
    expect(() => findAllowedParent('notexample.com', parents)).toThrow(
      'not under an allowed parent',
    );
    expect(() => findAllowedParent('staging.example.org', parents)).toThrow(
      'example.com, sandbox.example.com',
    );
  });
});
