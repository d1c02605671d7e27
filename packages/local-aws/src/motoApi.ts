/** The seed moto's random generator gets after every reset. */
export const MOTO_SEED = 42;

/**
 * Services the seeders call. moto's server loads a service's module on its
 * first request, and EKS draws random values at import time (the OIDC
 * issuer and endpoint that all its clusters share).
 */
const SEEDED_SERVICES = [
  'organizations',
  'sts',
  'route53',
  'eks',
  'ssm',
  'backup',
  'ecr',
  // SSO Admin signs as `sso`; Identity Center's seeding needs both.
  'sso',
  'identitystore',
];

/**
 * Resets moto to an empty state with a seeded random generator, so that
 * seeding gives the same ids on every run and every fresh server:
 * seed → load every service module (import-time randomness now comes from
 * the seed) → POST /moto-api/reset → POST /moto-api/seed?a=42.
 */
export async function resetMoto(endpoint: string): Promise<void> {
  await post(endpoint, `/moto-api/seed?a=${MOTO_SEED}`);
  for (const service of SEEDED_SERVICES) {
    await loadService(endpoint, service);
  }
  await post(endpoint, '/moto-api/reset');
  await post(endpoint, `/moto-api/seed?a=${MOTO_SEED}`);
}

// Any request whose SigV4 scope names the service makes moto load it; the
// answer (often a 404) does not matter.
async function loadService(endpoint: string, service: string): Promise<void> {
  const response = await request(endpoint, '/', {
    method: 'GET',
    headers: {
      authorization: `AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`,
    },
  });
  await response.body?.cancel();
}

async function post(endpoint: string, path: string): Promise<void> {
  const response = await request(endpoint, path, { method: 'POST' });
  await response.body?.cancel();
  if (!response.ok) {
    throw new Error(`POST ${endpoint}${path} answered ${response.status}`);
  }
}

/**
 * How long one call to moto's own API may take: a service's first request
 * imports its Python module, which takes a second alone and ten times that
 * on a CI machine busy with other suites (a 10 s bound failed there).
 */
const MOTO_API_TIMEOUT_MS = 60_000;

async function request(
  endpoint: string,
  path: string,
  init: RequestInit,
): Promise<Response> {
  try {
    return await fetch(`${endpoint}${path}`, {
      ...init,
      signal: AbortSignal.timeout(MOTO_API_TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new Error(
      `could not reach moto at ${endpoint} (${
        cause ?? (error as Error).message
      })`,
    );
  }
}
