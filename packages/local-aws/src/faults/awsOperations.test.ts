import {
  classifyRequest,
  isMutatingOperation,
  parseAuthorization,
} from './awsOperations.ts';

const auth = (service: string, key = 'AKIDEXAMPLE') =>
  `AWS4-HMAC-SHA256 Credential=${key}/20261125/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=abc`;

describe('parseAuthorization', () => {
  it('reads the key, region and service of the credential scope', () => {
    expect(parseAuthorization(auth('eks', 'ASIA123'))).toEqual({
      accessKeyId: 'ASIA123',
      region: 'us-east-1',
      service: 'eks',
    });
  });

  it('returns undefined for unsigned requests', () => {
    expect(parseAuthorization(undefined)).toBeUndefined();
  });
});

describe('classifyRequest', () => {
  const request = (
    service: string,
    method: string,
    url: string,
    extra: Record<string, string> = {},
    body = '',
  ) =>
    classifyRequest({
      method,
      url,
      headers: { authorization: auth(service), ...extra },
      body,
    }).operation;

  it('names JSON-protocol operations from X-Amz-Target', () => {
    expect(
      request('organizations', 'POST', '/', {
        'x-amz-target': 'AWSOrganizationsV20161128.ListTagsForResource',
      }),
    ).toBe('ListTagsForResource');
  });

  it('names query-protocol operations from the form body', () => {
    expect(
      request(
        'sts',
        'POST',
        '/',
        { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        'Action=AssumeRole&Version=2011-06-15',
      ),
    ).toBe('AssumeRole');
  });

  it.each([
    ['eks', 'GET', '/clusters?maxResults=100', 'ListClusters'],
    ['eks', 'GET', '/clusters/acme-v1', 'DescribeCluster'],
    ['eks', 'GET', '/clusters/acme-v1/node-groups/ng-1', 'DescribeNodegroup'],
    ['eks', 'GET', '/clusters/acme-v1/addons', 'ListAddons'],
    [
      'route53',
      'GET',
      '/2013-04-01/hostedzone?maxitems=100',
      'ListHostedZones',
    ],
    [
      'route53',
      'GET',
      '/2013-04-01/hostedzone/Z123/rrset?maxitems=300',
      'ListResourceRecordSets',
    ],
    ['route53', 'POST', '/2013-04-01/tags/hostedzone', 'ListTagsForResources'],
    ['backup', 'GET', '/backup-vaults/?maxResults=1000', 'ListBackupVaults'],
    ['backup', 'GET', '/backup/plans/abc/', 'GetBackupPlan'],
    ['backup', 'GET', '/backup/plans/abc/selections/', 'ListBackupSelections'],
    [
      'backup',
      'GET',
      '/tags/arn%3Aaws%3Abackup%3Aus-east-1%3A1%3Abackup-vault%3Av/',
      'ListTags',
    ],
  ])('names REST operations: %s %s %s', (service, method, url, operation) => {
    expect(request(service, method, url)).toBe(operation);
  });

  it.each([
    ['route53', 'POST', '/2013-04-01/hostedzone', 'CreateHostedZone'],
    [
      'route53',
      'GET',
      '/2013-04-01/hostedzonesbyname?dnsname=a.example.com.',
      'ListHostedZonesByName',
    ],
    [
      'route53',
      'POST',
      '/2013-04-01/hostedzone/Z123/rrset/',
      'ChangeResourceRecordSets',
    ],
    ['route53', 'GET', '/2013-04-01/change/C123', 'GetChange'],
    [
      'route53',
      'POST',
      '/2013-04-01/tags/hostedzone/Z123',
      'ChangeTagsForResource',
    ],
    ['backup', 'PUT', '/backup/plans/', 'CreateBackupPlan'],
    ['backup', 'PUT', '/backup/plans/abc/selections/', 'CreateBackupSelection'],
    ['backup', 'GET', '/backup-vaults/Default', 'DescribeBackupVault'],
    [
      'eks',
      'POST',
      '/clusters/acme-v1/access-entries/arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fdev/access-policies',
      'AssociateAccessPolicy',
    ],
  ])('names REST changes: %s %s %s', (service, method, url, operation) => {
    expect(request(service, method, url)).toBe(operation);
  });

  it('falls back to method and a generic path', () => {
    expect(request('eks', 'PUT', '/clusters/acme-v1/encryption')).toBe(
      'PUT /clusters/{}/{}',
    );
  });
});

describe('isMutatingOperation', () => {
  it.each([
    ['CreateHostedZone', true],
    ['ChangeResourceRecordSets', true],
    ['ChangeTagsForResource', true],
    ['CreateBackupSelection', true],
    ['AssociateAccessPolicy', true],
    ['AssumeRole', false],
    ['GetChange', false],
    ['ListHostedZonesByName', false],
    ['DescribeBackupVault', false],
  ])('%s: %s', (operation, mutating) => {
    expect(isMutatingOperation(operation)).toBe(mutating);
  });
});
