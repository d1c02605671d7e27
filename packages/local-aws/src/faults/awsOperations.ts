/**
 * Names the AWS API operation of a signed SDK v3 request as it reaches a
 * proxy: JSON protocols carry it in X-Amz-Target, the query protocol (STS,
 * IAM) in the form body's Action, and REST protocols (Route 53, EKS, AWS
 * Backup) in method + path, mapped to operation names here.
 */

/** Where a request goes and as whom, read from its SigV4 Authorization header. */
export type SignedRequest = {
  /** The signing name of the credential scope: `organizations`, `eks`, `route53`, … */
  service: string;
  region: string;
  accessKeyId: string;
};

/** A request's service and operation, e.g. `eks` / `DescribeCluster`. */
export type Operation = SignedRequest & { operation: string };

const CREDENTIAL =
  /Credential=([^/\s,]+)\/\d{8}\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request/;

/** Reads the access key, region and service of a SigV4-signed request. */
export function parseAuthorization(
  authorization: string | undefined,
): SignedRequest | undefined {
  const match = authorization ? CREDENTIAL.exec(authorization) : null;
  if (!match) return undefined;
  return { accessKeyId: match[1], region: match[2], service: match[3] };
}

type RestRoute = { method: string; pattern: RegExp; operation: string };

// One path segment, still URL-encoded: an ARN in a path keeps its %2F.
const SEGMENT = '[^/]+';

function route(method: string, path: string, operation: string): RestRoute {
  const pattern = new RegExp(`^${path.replace(/\{[a-zA-Z]+\}/g, SEGMENT)}/?$`);
  return { method, pattern, operation };
}

/** The REST operations the suite, its seeders and its tests call. */
const REST_ROUTES: Record<string, RestRoute[]> = {
  route53: [
    route('GET', '/2013-04-01/hostedzone', 'ListHostedZones'),
    route('POST', '/2013-04-01/hostedzone', 'CreateHostedZone'),
    route('GET', '/2013-04-01/hostedzonesbyname', 'ListHostedZonesByName'),
    route('GET', '/2013-04-01/hostedzone/{id}', 'GetHostedZone'),
    route('DELETE', '/2013-04-01/hostedzone/{id}', 'DeleteHostedZone'),
    route('GET', '/2013-04-01/hostedzone/{id}/rrset', 'ListResourceRecordSets'),
    route(
      'POST',
      '/2013-04-01/hostedzone/{id}/rrset',
      'ChangeResourceRecordSets',
    ),
    route('GET', '/2013-04-01/change/{id}', 'GetChange'),
    route('POST', '/2013-04-01/tags/{type}', 'ListTagsForResources'),
    route('GET', '/2013-04-01/tags/{type}/{id}', 'ListTagsForResource'),
    route('POST', '/2013-04-01/tags/{type}/{id}', 'ChangeTagsForResource'),
  ],
  eks: [
    route('GET', '/clusters', 'ListClusters'),
    route('POST', '/clusters', 'CreateCluster'),
    route('GET', '/clusters/{name}', 'DescribeCluster'),
    route('DELETE', '/clusters/{name}', 'DeleteCluster'),
    route('GET', '/clusters/{name}/node-groups', 'ListNodegroups'),
    route('POST', '/clusters/{name}/node-groups', 'CreateNodegroup'),
    route('GET', '/clusters/{name}/node-groups/{ng}', 'DescribeNodegroup'),
    route('GET', '/clusters/{name}/addons', 'ListAddons'),
    route('GET', '/clusters/{name}/addons/{addon}', 'DescribeAddon'),
    route('GET', '/clusters/{name}/access-entries', 'ListAccessEntries'),
    route('POST', '/clusters/{name}/access-entries', 'CreateAccessEntry'),
    route(
      'GET',
      '/clusters/{name}/access-entries/{principal}',
      'DescribeAccessEntry',
    ),
    route(
      'GET',
      '/clusters/{name}/access-entries/{principal}/access-policies',
      'ListAssociatedAccessPolicies',
    ),
    route(
      'POST',
      '/clusters/{name}/access-entries/{principal}/access-policies',
      'AssociateAccessPolicy',
    ),
    route('GET', '/tags/{arn}', 'ListTagsForResource'),
    route('POST', '/tags/{arn}', 'TagResource'),
  ],
  backup: [
    route('GET', '/backup-vaults', 'ListBackupVaults'),
    route('GET', '/backup-vaults/{name}', 'DescribeBackupVault'),
    route('PUT', '/backup-vaults/{name}', 'CreateBackupVault'),
    route('GET', '/backup/plans', 'ListBackupPlans'),
    route('PUT', '/backup/plans', 'CreateBackupPlan'),
    route('GET', '/backup/plans/{id}', 'GetBackupPlan'),
    route('POST', '/backup/plans/{id}', 'UpdateBackupPlan'),
    route('DELETE', '/backup/plans/{id}', 'DeleteBackupPlan'),
    route('GET', '/backup/plans/{id}/selections', 'ListBackupSelections'),
    route('PUT', '/backup/plans/{id}/selections', 'CreateBackupSelection'),
    route('GET', '/backup/plans/{id}/selections/{sid}', 'GetBackupSelection'),
    route(
      'DELETE',
      '/backup/plans/{id}/selections/{sid}',
      'DeleteBackupSelection',
    ),
    route('GET', '/tags/{arn}', 'ListTags'),
    route('POST', '/tags/{arn}', 'TagResource'),
    route('POST', '/untag/{arn}', 'UntagResource'),
  ],
};

/** The parts of an HTTP request the classification reads. */
export type RawRequest = {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** Only read for the query protocol's form body. */
  body: string;
};

/**
 * The operation of one request. Unknown REST calls come back as
 * `METHOD /path` with ids replaced by `{}`; unsigned ones as service `unsigned`.
 */
export function classifyRequest(request: RawRequest): Operation {
  const signed = parseAuthorization(header(request.headers, 'authorization'));
  const base: SignedRequest = signed ?? {
    service: 'unsigned',
    region: '',
    accessKeyId: '',
  };
  const target = header(request.headers, 'x-amz-target');
  if (target) {
    return { ...base, operation: target.slice(target.lastIndexOf('.') + 1) };
  }
  const action = queryAction(request);
  if (action) return { ...base, operation: action };
  const path = request.url.split('?')[0];
  for (const candidate of REST_ROUTES[base.service] ?? []) {
    if (candidate.method === request.method && candidate.pattern.test(path)) {
      return { ...base, operation: candidate.operation };
    }
  }
  return { ...base, operation: `${request.method} ${genericPath(path)}` };
}

/** The `Action` of a query-protocol request (STS, IAM), if it is one. */
export function queryAction(request: RawRequest): string | undefined {
  const contentType = header(request.headers, 'content-type') ?? '';
  if (!contentType.startsWith('application/x-www-form-urlencoded')) {
    return undefined;
  }
  return new URLSearchParams(request.body).get('Action') ?? undefined;
}

/**
 * Whether an operation changes something, by AWS's naming: Create, Put,
 * Change, Tag, Associate, ... AssumeRole and reads do not.
 */
export function isMutatingOperation(operation: string): boolean {
  return /^(Create|Delete|Put|Update|Change|Tag|Untag|Associate|Disassociate|Attach|Detach|Register|Deregister|Start|Stop|Set|Modify|Enable|Disable|Add|Remove|Upload|Batch(Delete|Put))/.test(
    operation,
  );
}

function genericPath(path: string): string {
  return path
    .split('/')
    .map((segment, i) => (i > 1 && segment ? '{}' : segment))
    .join('/');
}

/** One header's value, the first if it was sent several times. */
export function header(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Short labels for tables, e.g. `organizations:ListTagsForResource`. */
export function operationKey(op: { service: string; operation: string }) {
  return `${op.service}:${op.operation}`;
}
