/**
 * A small HTTP proxy on 127.0.0.1 in front of moto. It counts every AWS
 * request by service and operation, and can add a fixed latency and AWS's
 * per-account throttling, so that every implementation meets the same
 * "network" in the same run.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  assumedRoleKey,
  classifyRequest,
  forwardToEmulator,
  operationKey,
  renderAwsError,
  throttlingError,
} from '@internal/local-aws';
import { Throttle } from './throttling.ts';
import type { BucketLimit } from './throttling.ts';

/** Calls of one operation during one measurement. */
export type OperationCount = {
  service: string;
  operation: string;
  /** Every request that reached the proxy, throttled ones included. */
  calls: number;
  /** Rejected by the injected throttling (never reached moto). */
  throttled: number;
  /** Answered by moto with HTTP 4xx or 5xx (after any substitution). */
  errors: number;
  /** moto failed an operation it does not implement; AWS's empty answer was sent instead. */
  substituted: number;
};

/**
 * Operations moto 5.2.1 does not implement, answered as AWS answers them for
 * this estate (nothing to list), when moto fails them. Without this, the SDK
 * retries moto's HTML 500s (up to 5 attempts in the suite), which AWS would
 * never cause: plans without selections, clusters without add-ons.
 */
const EMULATOR_GAPS: Record<string, { status: number; body: string }> = {
  'backup:ListBackupSelections': {
    status: 200,
    body: JSON.stringify({ BackupSelectionsList: [] }),
  },
  'eks:ListAddons': { status: 200, body: JSON.stringify({ addons: [] }) },
};

/** How the proxy behaves during a measurement. */
export type NetworkProfile = {
  latencyMs: number;
  limits?: Record<string, BucketLimit>;
};

export type CountingProxy = {
  endpoint: string;
  /** Maps an access key to its account, for keys the proxy did not see issued. */
  registerKey(accessKeyId: string, accountId: string): void;
  /** Starts a measurement with fresh counts and fresh buckets. */
  begin(profile: NetworkProfile): void;
  /** Ends it and returns its counts. */
  end(): OperationCount[];
  /** Returns the counts so far and starts counting afresh, keeping the profile and its buckets. */
  take(): OperationCount[];
  close(): Promise<void>;
};

/** Starts the proxy on a free loopback port. */
export async function startCountingProxy(options: {
  target: string;
  /** Account of keys that were never registered (moto's own rule). */
  defaultAccountId: string;
}): Promise<CountingProxy> {
  const target = new URL(options.target);
  if (target.hostname !== '127.0.0.1') {
    throw new Error('the counting proxy only forwards to 127.0.0.1');
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const keyAccounts = new Map<string, string>();
  let counts = new Map<string, OperationCount>();
  let profile: NetworkProfile = { latencyMs: 0 };
  let throttle: Throttle | undefined;

  const countOf = (op: { service: string; operation: string }) => {
    const key = operationKey(op);
    let count = counts.get(key);
    if (!count) {
      // Only the names: the operation also carries the caller's access key.
      count = {
        service: op.service,
        operation: op.operation,
        calls: 0,
        throttled: 0,
        errors: 0,
        substituted: 0,
      };
      counts.set(key, count);
    }
    return count;
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      handle(req, res, body).catch(error => {
        if (!res.headersSent) res.writeHead(502);
        res.end(String(error));
      });
    });
  });

  async function handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    body: Buffer,
  ) {
    const op = classifyRequest({
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      body: body.toString('utf8'),
    });
    const count = countOf(op);
    count.calls++;
    const { latencyMs } = profile;
    if (latencyMs > 0) await sleep(latencyMs);
    const account = keyAccounts.get(op.accessKeyId) ?? options.defaultAccountId;
    if (
      throttle &&
      !throttle.allow({ account, service: op.service, region: op.region })
    ) {
      count.throttled++;
      const answer = renderAwsError(
        op.service,
        throttlingError(op.service),
        'bench-throttled',
      );
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
      return;
    }
    let upstream = await forwardToEmulator(target, agent, {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      body,
    });
    const gap = EMULATOR_GAPS[operationKey(op)];
    if (gap && upstream.status >= 400) {
      count.substituted++;
      upstream = {
        status: gap.status,
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(gap.body)),
        },
        body: Buffer.from(gap.body),
      };
    }
    if (upstream.status >= 400) count.errors++;
    if (op.service === 'sts' && op.operation === 'AssumeRole') {
      const issued = assumedRoleKey(
        body.toString('utf8'),
        upstream.body.toString('utf8'),
      );
      if (issued) keyAccounts.set(issued.accessKeyId, issued.accountId);
    }
    res.writeHead(upstream.status, upstream.headers);
    res.end(upstream.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    registerKey(accessKeyId, accountId) {
      keyAccounts.set(accessKeyId, accountId);
    },
    begin(next) {
      profile = next;
      counts = new Map();
      throttle = next.limits ? new Throttle(next.limits, Date.now) : undefined;
    },
    take() {
      const result = [...counts.values()];
      counts = new Map();
      return result;
    },
    end() {
      const result = [...counts.values()];
      counts = new Map();
      profile = { latencyMs: 0 };
      throttle = undefined;
      return result;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>(resolve => server.close(() => resolve()));
      agent.destroy();
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}
