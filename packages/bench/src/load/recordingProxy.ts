/**
 * A recording proxy on 127.0.0.1 in front of moto: every AWS request the
 * backend makes passes through it and is recorded with its arrival time,
 * service, operation, the credentials it was signed with and what it asked
 * for, so the load run can count AWS calls per resource per cache TTL.
 * It stops itself after `maxLifetimeMs`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  assumedRoleKey,
  classifyRequest,
  forwardToEmulator,
  sdkAttempt,
} from '@internal/local-aws';

/** One AWS request as it reached the proxy. */
export type RecordedCall = {
  /** ms since the proxy started. */
  atMs: number;
  service: string;
  operation: string;
  region: string;
  accessKeyId: string;
  /** The account the credentials belong to, when the proxy saw them issued. */
  accountId?: string;
  method: string;
  /** Path and query, paging tokens included. */
  path: string;
  /** JSON and query protocols carry the request in the body. */
  body: string;
  /** 1 for a first attempt, 2+ for the SDK's retries (`amz-sdk-request`). */
  attempt: number;
  /** moto's status code. */
  status: number;
};

export type RecordingProxy = {
  endpoint: string;
  /** Everything recorded since the start or the last `clear()`. */
  calls(): RecordedCall[];
  clear(): void;
  close(): Promise<void>;
};

export async function startRecordingProxy(options: {
  /** moto, `http://127.0.0.1:<port>`. */
  target: string;
  maxLifetimeMs: number;
}): Promise<RecordingProxy> {
  const target = new URL(options.target);
  if (target.hostname !== '127.0.0.1') {
    throw new Error('the recording proxy only forwards to 127.0.0.1');
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const started = performance.now();
  let recorded: RecordedCall[] = [];
  // Keys issued by AssumeRole through the proxy, and the account of each.
  const keyAccounts = new Map<string, string>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const atMs = performance.now() - started;
      record(req, body, atMs).then(
        answer => {
          res.writeHead(answer.status, answer.headers);
          res.end(answer.body);
        },
        error => {
          if (!res.headersSent) res.writeHead(502);
          res.end(String(error));
        },
      );
    });
  });

  async function record(req: http.IncomingMessage, body: Buffer, atMs: number) {
    const request = body.toString('utf8');
    const op = classifyRequest({
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      body: request,
    });
    const answer = await forwardToEmulator(target, agent, {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      body,
    });
    if (op.service === 'sts' && op.operation === 'AssumeRole') {
      const issued = assumedRoleKey(request, answer.body.toString('utf8'));
      if (issued) keyAccounts.set(issued.accessKeyId, issued.accountId);
    }
    recorded.push({
      atMs,
      service: op.service,
      operation: op.operation,
      region: op.region,
      accessKeyId: op.accessKeyId,
      accountId: keyAccounts.get(op.accessKeyId),
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      body: request,
      attempt: sdkAttempt(req.headers),
      status: answer.status,
    });
    return answer;
  }

  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const lifetime = setTimeout(() => server.close(), options.maxLifetimeMs);
  lifetime.unref();

  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls: () => [...recorded],
    clear() {
      recorded = [];
    },
    async close() {
      clearTimeout(lifetime);
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>(resolve => server.close(() => resolve()));
    },
  };
}
