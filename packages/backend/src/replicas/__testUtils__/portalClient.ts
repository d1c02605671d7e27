/** Requests to a replica as the local portal's guest user. */

/** A user token from the guest sign-in (valid on every replica). */
export async function guestToken(baseUrl: string): Promise<string> {
  const response = await fetch(
    `${baseUrl}/api/auth/guest/refresh?env=development`,
    { headers: { 'x-requested-with': 'XMLHttpRequest' } },
  );
  if (response.status !== 200) {
    throw new Error(`guest sign-in answered ${response.status}`);
  }
  const body = (await response.json()) as {
    backstageIdentity: { token: string };
  };
  return body.backstageIdentity.token;
}

/** GET with the token; the status and the parsed body. */
export async function getJson(
  url: string,
  token: string,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** The refs of every Resource in the replica's catalog, sorted. */
export async function resourceRefs(
  baseUrl: string,
  token: string,
): Promise<string[]> {
  const { status, body } = await getJson(
    `${baseUrl}/api/catalog/entities?filter=kind=resource&fields=kind,metadata.namespace,metadata.name`,
    token,
  );
  if (status !== 200) throw new Error(`catalog answered ${status}`);
  return (
    body as Array<{
      kind: string;
      metadata: { namespace: string; name: string };
    }>
  )
    .map(e =>
      `${e.kind}:${e.metadata.namespace}/${e.metadata.name}`.toLowerCase(),
    )
    .sort();
}

/** Polls `check` every 500 ms until it returns a value, at most `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    }
    await new Promise(done => setTimeout(done, 500));
  }
}
