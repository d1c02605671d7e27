/**
 * Names the AWS API operation of a signed SDK v3 request as it reaches the
 * counting proxy: JSON protocols carry it in X-Amz-Target, the query protocol
 * (STS) in the form body's Action, and REST protocols (EKS, Route 53, AWS
 * Backup) in method + path, which are mapped to operation names here.
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

const SEGMENT = '[^/]+';

function route(method: string, path: string, operation: string): RestRoute {
  const pattern = new RegExp(`^${path.replace(/\{[a-zA-Z]+\}/g, SEGMENT)}/?$`);
  return { method, pattern, operation };
}

/** The REST operations the benchmarked implementations call. */
const REST_ROUTES: Record<string, RestRoute[]> = {
  eks: [
    route('GET', '/clusters', 'ListClusters'),
    route('GET', '/clusters/{name}', 'DescribeCluster'),
    route('GET', '/clusters/{name}/node-groups', 'ListNodegroups'),
    route('GET', '/clusters/{name}/node-groups/{ng}', 'DescribeNodegroup'),
    route('GET', '/clusters/{name}/addons', 'ListAddons'),
    route('GET', '/clusters/{name}/addons/{addon}', 'DescribeAddon'),
  ],
  route53: [
    route('GET', '/2013-04-01/hostedzone', 'ListHostedZones'),
    route('GET', '/2013-04-01/hostedzone/{id}', 'GetHostedZone'),
    route('GET', '/2013-04-01/hostedzone/{id}/rrset', 'ListResourceRecordSets'),
    route('POST', '/2013-04-01/tags/hostedzone', 'ListTagsForResources'),
    route('GET', '/2013-04-01/tags/hostedzone/{id}', 'ListTagsForResource'),
  ],
  backup: [
    route('GET', '/backup-vaults', 'ListBackupVaults'),
    route('GET', '/backup/plans', 'ListBackupPlans'),
    route('GET', '/backup/plans/{id}', 'GetBackupPlan'),
    route('GET', '/backup/plans/{id}/selections', 'ListBackupSelections'),
    route('GET', '/backup/plans/{id}/selections/{sid}', 'GetBackupSelection'),
    // The ARN in the path contains slashes only when URL-encoded; match the rest.
    { method: 'GET', pattern: /^\/tags\/.+$/, operation: 'ListTags' },
  ],
};

/**
 * The operation of one request. `body` is only read for the query protocol.
 * Unknown REST calls come back as `METHOD /path` with ids replaced by `{}`.
 */
export function classifyRequest(request: {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}): Operation {
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
  const contentType = header(request.headers, 'content-type') ?? '';
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    const action = new URLSearchParams(request.body).get('Action');
    if (action) return { ...base, operation: action };
  }
  const path = decodeURIComponent(request.url.split('?')[0]);
  for (const candidate of REST_ROUTES[base.service] ?? []) {
    if (candidate.method === request.method && candidate.pattern.test(path)) {
      return { ...base, operation: candidate.operation };
    }
  }
  return { ...base, operation: `${request.method} ${genericPath(path)}` };
}

function genericPath(path: string): string {
  return path
    .split('/')
    .map((segment, i) => (i > 1 && segment ? '{}' : segment))
    .join('/');
}

function header(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Short labels for the table, e.g. `organizations:ListTagsForResource`. */
export function operationKey(op: { service: string; operation: string }) {
  return `${op.service}:${op.operation}`;
}
