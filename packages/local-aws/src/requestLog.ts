import { readFile, rm, writeFile } from 'node:fs/promises';

/** One request moto received while its recorder was on. */
export type RecordedRequest = {
  method: string;
  /** Path and query, e.g. `/2013-04-01/hostedzone`. */
  path: string;
  /** The service from the SigV4 credential scope, e.g. `route53`. */
  service: string;
  /** The operation, e.g. `AssumeRole`, or `POST /2013-04-01/hostedzone` for REST APIs. */
  operation: string;
  /** Whether the operation changes state (create, update, delete, tag...). */
  mutating: boolean;
};

/** moto's own request recorder, one log file per server. */
export type RequestLog = {
  /** Empties the log and starts recording. */
  start(): Promise<void>;
  /** Stops recording; the log stays readable. */
  stop(): Promise<void>;
  /** What was recorded since start(). */
  read(): Promise<RecordedRequest[]>;
};

// JSON and query protocols name the operation; REST protocols need the verb:
// a GET or HEAD reads, anything else changes state, except the few POSTs
// that only read.
const READ_ONLY_POSTS = [
  /^\/moto-api\//,
  // Route 53 ListTagsForResources
  /^\/2013-04-01\/tags\/[a-z]+$/,
];
const READ_PREFIXES = [
  'Describe',
  'Get',
  'List',
  'Search',
  'Lookup',
  'BatchGet',
  'AssumeRole',
  'GetCallerIdentity',
];

/**
 * moto records to `MOTO_RECORDER_FILEPATH` when asked through
 * `/moto-api/recorder/*`; this reads that file back as requests with their
 * service and operation, so tests can assert which AWS calls were made (and
 * that none changed anything) against the emulator itself.
 */
export function createRequestLog(endpoint: string, file: string): RequestLog {
  const call = async (action: string) => {
    const response = await fetch(`${endpoint}/moto-api/recorder/${action}`, {
      method: 'POST',
      signal: AbortSignal.timeout(10_000),
    });
    await response.body?.cancel();
    if (!response.ok) {
      throw new Error(`moto recorder ${action}: HTTP ${response.status}`);
    }
  };
  return {
    async start() {
      await writeFile(file, '');
      await call('start-recording');
    },
    stop: () => call('stop-recording'),
    async read() {
      let text = '';
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      return text
        .split('\n')
        .filter(line => line.trim())
        .map(line => describeRecordedRequest(JSON.parse(line)));
    },
  };
}

/** Removes a server's log file; used when the server stops. */
export async function removeRequestLog(file: string): Promise<void> {
  await rm(file, { force: true });
}

type RecordedEntry = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  body_encoded?: boolean;
};

/** The service, operation and effect of one line of moto's recording. */
export function describeRecordedRequest(entry: RecordedEntry): RecordedRequest {
  const url = new URL(entry.url, 'http://moto');
  const path = `${url.pathname}${url.search}`;
  const header = (name: string) =>
    Object.entries(entry.headers).find(
      ([key]) => key.toLowerCase() === name,
    )?.[1];
  const service =
    /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(
      header('authorization') ?? '',
    )?.[1] ?? 'unknown';
  const body =
    entry.body && entry.body_encoded
      ? Buffer.from(entry.body, 'base64').toString('utf8')
      : entry.body ?? '';
  const target = header('x-amz-target');
  const queryAction =
    new URLSearchParams(body).get('Action') ?? url.searchParams.get('Action');
  const named = target?.split('.').pop() ?? queryAction ?? undefined;
  const operation = named ?? `${entry.method} ${url.pathname}`;
  const mutating = named
    ? !READ_PREFIXES.some(prefix => named.startsWith(prefix))
    : !['GET', 'HEAD'].includes(entry.method.toUpperCase()) &&
      !READ_ONLY_POSTS.some(pattern => pattern.test(url.pathname));
  return { method: entry.method, path, service, operation, mutating };
}
