/**
 * A fault-injection proxy on 127.0.0.1 between AWS SDK clients and moto. It
 * forwards every request unchanged, except those its rules pick: they get
 * their service's throttling error, a 5xx, added latency or a dropped
 * connection. One account's role can be made impossible to assume, and the
 * emulator can be taken offline or swapped (a restart). It counts requests,
 * SDK retries and injected faults per operation. It stops itself when idle
 * or too old, so a crashed test cannot leave it running (unless told not to,
 * as `cli.ts serve` does: its front lives as long as the developer's session).
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  accessDeniedError,
  renderAwsError,
  serverError,
  throttlingError,
} from './awsErrorResponses.ts';
import type { WireResponse } from './awsErrorResponses.ts';
import {
  classifyRequest,
  isMutatingOperation,
  operationKey,
} from './awsOperations.ts';
import type { Operation } from './awsOperations.ts';
import {
  BackupSelectionStore,
  isBackupSelectionOperation,
} from './backupSelections.ts';
import {
  accountOfRoleArn,
  assumedRoleKey,
  forwardToEmulator,
  sdkAttempt,
} from './emulatorForwarding.ts';
import type {
  EmulatorRequest,
  EmulatorResponse,
} from './emulatorForwarding.ts';
import { FaultPlan } from './faultRules.ts';
import { CallerReferences } from './route53CallerReferences.ts';
import { ZoneNameServers } from './route53NameServers.ts';
import {
  createdRecordSets,
  deletedRecordSets,
  deleteMismatchError,
  listsExactly,
  listsRecordSet,
  recordExistsError,
  replacementAsUpsert,
} from './route53RecordConflicts.ts';
import type { CreatedRecordSet } from './route53RecordConflicts.ts';
import type { FaultRule } from './faultRules.ts';

/** Options of {@link startFaultProxy}. */
export type FaultProxyOptions = {
  /** The emulator, `http://127.0.0.1:<port>`. */
  target: string;
  /** Port on 127.0.0.1; 0 or undefined: a free one. */
  port?: number;
  /** Seed of the fault draws; the same seed and requests give the same faults. */
  seed?: number | string;
  rules?: FaultRule[];
  /** Account of keys never seen issued by AssumeRole: moto's default. */
  defaultAccountId?: string;
  /**
   * Simultaneous client connections; more are dropped (and counted as
   * `connection-limit`). Default 512: every SDK client keeps its own
   * keep-alive sockets, and an ingestion run creates dozens of clients.
   */
  maxConnections?: number;
  /**
   * Stops itself after this long without a request. Default 120 s.
   * `Infinity` (or anything beyond Node's longest timer, 24.8 days): never.
   */
  idleTimeoutMs?: number;
  /** Stops itself after this long in any case. Default 30 min. `Infinity`: never. */
  maxLifetimeMs?: number;
  /**
   * Fill gaps of moto 5.2.1 the suite's actions rely on: AWS Backup's
   * selection API (backupSelections.ts), Route 53's CallerReference
   * idempotency (route53CallerReferences.ts), its refusal to CREATE a
   * record set that exists (route53RecordConflicts.ts) and name servers of
   * their own for the zones created through the proxy
   * (route53NameServers.ts).
   */
  emulatorGaps?: boolean;
  /**
   * With `emulatorGaps`, how selection calls of a plan not created through
   * the proxy (seeded straight into moto) are answered: `none` (default) as
   * a plan without selections; `emulator` leaves them to moto, whose 500
   * makes them unknown, so an estate seeded with selections AWS would hold
   * is not shown as selecting nothing (`cli.ts serve`).
   */
  selectionsOfOtherPlans?: 'none' | 'emulator';
};

/** Counts of one operation. */
export type OperationStats = {
  service: string;
  operation: string;
  /** Requests that reached the proxy, retries and faulted ones included. */
  calls: number;
  /** Requests the SDK sent as a retry (`amz-sdk-request: attempt=2…`). */
  retries: number;
  /** Faults injected into this operation's requests, latency included. */
  faults: number;
};

/** Everything counted since the start or the last resetStats(). */
export type FaultProxyStats = {
  requests: number;
  retries: number;
  /**
   * By rule name, plus `denied`, `offline`, `upstream-unreachable` and
   * `connection-limit`.
   */
  faults: Record<string, number>;
  operations: OperationStats[];
};

/** A fault that was just injected, for callers that react to one. */
export type FaultEvent = {
  name: string;
  service: string;
  operation: string;
  accountId: string;
};

/** A running fault proxy. */
export type FaultProxy = {
  /** `http://127.0.0.1:<port>`, for AWS_ENDPOINT_URL. */
  endpoint: string;
  /** Replaces the rules and restarts their counts (and the draws, with `seed`). */
  setRules(rules: FaultRule[], seed?: number | string): void;
  /** Sends requests to another emulator from now on (after a restart). */
  setTarget(target: string): void;
  /** While offline, every request's connection is dropped, like an endpoint that is down. */
  setOffline(offline: boolean): void;
  /**
   * Requests arriving until `until` settles (at most `maxMs`, default 30 s)
   * wait, then go on: the emulator was swapped between two requests.
   */
  hold(until: Promise<unknown>, options?: { maxMs?: number }): void;
  /**
   * Makes the account's roles impossible to assume (STS AccessDenied), and,
   * unless `revokeSessions` is false, refuses calls made with credentials
   * issued for it earlier, as revoking a role's sessions does.
   */
  denyAccount(accountId: string, options?: { revokeSessions?: boolean }): void;
  allowAccount(accountId: string): void;
  /** Maps an access key to its account, for keys not issued through this proxy. */
  registerKey(accessKeyId: string, accountId: string): void;
  /** Called synchronously as each fault is injected. Returns an unsubscribe. */
  onFault(listener: (event: FaultEvent) => void): () => void;
  stats(): FaultProxyStats;
  resetStats(): void;
  /** AWS Backup selections, when `emulatorGaps` is on. */
  selections: BackupSelectionStore;
  close(): Promise<void>;
  /** Settles with the reason once the proxy stopped (close, idle, lifetime). */
  closed: Promise<string>;
};

const DEFAULT_ACCOUNT = '123456789012';
const UPSTREAM_TIMEOUT_MS = 30_000;

/** Starts the proxy on a free loopback port. */
export async function startFaultProxy(
  options: FaultProxyOptions,
): Promise<FaultProxy> {
  let target = loopbackUrl(options.target);
  const defaultAccountId = options.defaultAccountId ?? DEFAULT_ACCOUNT;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const keyAccounts = new Map<string, string>();
  const denied = new Map<string, { revokeSessions: boolean }>();
  const listeners = new Set<(event: FaultEvent) => void>();
  const selections = new BackupSelectionStore();
  const callerReferences = new CallerReferences();
  const zoneNameServers = new ZoneNameServers();
  // Ids of the plans created through the proxy (selectionsOfOtherPlans).
  const createdPlans = new Set<string>();
  let seed = options.seed ?? 1;
  let plan = new FaultPlan(options.rules ?? [], seed);
  let offline = false;
  let gate: Promise<void> | undefined;
  let stats = emptyStats();
  let operations = new Map<string, OperationStats>();

  const server = http.createServer((req, res) => {
    touch();
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks)).catch(error => {
        if (!res.headersSent) res.writeHead(502);
        res.end(String(error));
      });
    });
  });
  server.maxConnections = options.maxConnections ?? 512;
  server.on('drop', () => {
    stats.faults['connection-limit'] =
      (stats.faults['connection-limit'] ?? 0) + 1;
  });

  const count = (op: Operation) => {
    const key = operationKey(op);
    let entry = operations.get(key);
    if (!entry) {
      entry = {
        service: op.service,
        operation: op.operation,
        calls: 0,
        retries: 0,
        faults: 0,
      };
      operations.set(key, entry);
    }
    return entry;
  };
  const fault = (name: string, entry: OperationStats | undefined) => {
    stats.faults[name] = (stats.faults[name] ?? 0) + 1;
    if (entry) entry.faults += 1;
  };
  const notify = (event: FaultEvent) => {
    for (const listener of listeners) listener(event);
  };

  async function handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    body: Buffer,
  ) {
    const raw = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      body: body.toString('utf8'),
    };
    const op = classifyRequest(raw);
    const accountId = keyAccounts.get(op.accessKeyId) ?? defaultAccountId;
    const entry = count(op);
    entry.calls += 1;
    stats.requests += 1;
    if (sdkAttempt(req.headers) > 1) {
      entry.retries += 1;
      stats.retries += 1;
    }
    const requestId = randomBytes(16).toString('hex');
    const send = (answer: WireResponse | EmulatorResponse) => {
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    };

    if (gate) await gate;
    if (offline) {
      fault('offline', entry);
      req.socket.destroy();
      return;
    }

    const refusal = denial(op, raw.body, accountId);
    if (refusal) {
      fault('denied', entry);
      notify({ name: 'denied', ...op, accountId });
      send(
        renderAwsError(
          op.service,
          accessDeniedError(op.service, refusal),
          requestId,
        ),
      );
      return;
    }

    let dropAfter: string | undefined;
    for (const { rule, name } of plan.decide({
      service: op.service,
      operation: op.operation,
      region: op.region,
      accountId,
      mutating: isMutatingOperation(op.operation),
    })) {
      const injected = rule.fault;
      fault(name, entry);
      const event = { name, ...op, accountId };
      switch (injected.kind) {
        case 'latency':
          notify(event);
          await sleep(injected.ms);
          continue;
        case 'throttle':
          notify(event);
          send(
            renderAwsError(
              op.service,
              throttlingError(op.service, injected.variant),
              requestId,
            ),
          );
          return;
        case 'server-error':
          notify(event);
          send(
            renderAwsError(
              op.service,
              serverError(op.service, injected.status ?? 500),
              requestId,
            ),
          );
          return;
        case 'drop':
          if (injected.when === 'after') {
            dropAfter = name;
            continue;
          }
          notify(event);
          req.socket.destroy();
          return;
        default:
          throw new Error(`unknown fault ${JSON.stringify(injected)}`);
      }
    }
    // A fault's listener may have taken the emulator offline or put a hold.
    if (gate) await gate;
    if (offline) {
      fault('offline', entry);
      req.socket.destroy();
      return;
    }

    const createsZone =
      options.emulatorGaps &&
      op.service === 'route53' &&
      op.operation === 'CreateHostedZone';
    let repeated: WireResponse | undefined;
    let forwardedBody = body;
    let answer: WireResponse | EmulatorResponse;
    try {
      if (createsZone) {
        repeated = callerReferences.refusal(accountId, raw.body, requestId);
      } else if (
        options.emulatorGaps &&
        op.service === 'route53' &&
        op.operation === 'ChangeResourceRecordSets'
      ) {
        const callerAccount = keyAccounts.get(op.accessKeyId);
        repeated =
          (await changedSinceRead(req, raw, callerAccount)) ??
          (await existingRecordSet(req, raw, callerAccount));
        forwardedBody = Buffer.from(replacementAsUpsert(raw.body));
      }
      if (repeated) {
        answer = repeated;
      } else if (answersSelections(op, raw.url)) {
        answer = await selections.handle({
          operation: op.operation,
          method: raw.method,
          url: raw.url,
          body: raw.body,
          accountId,
          region: op.region,
          requestId,
          planExists: planId =>
            planExists(req, planId, keyAccounts.get(op.accessKeyId)),
        });
      } else {
        answer = await forward(
          req,
          forwardedBody,
          keyAccounts.get(op.accessKeyId),
        );
      }
    } catch {
      // The emulator is down or restarting: the client sees its connection go.
      fault('upstream-unreachable', entry);
      req.socket.destroy();
      return;
    }
    if (op.service === 'sts' && op.operation === 'AssumeRole') {
      learnKey(raw.body, answer.body.toString());
    }
    rememberPlan(op, answer);
    if (isMotoReset(raw) && answer.status < 300) forgetEmulatorState();
    if (createsZone && !repeated && answer.status < 300) {
      callerReferences.remember(accountId, raw.body, answer.body.toString());
      zoneNameServers.remember(answer.body.toString());
    }
    if (
      options.emulatorGaps &&
      op.service === 'route53' &&
      (op.operation === 'CreateHostedZone' ||
        op.operation === 'GetHostedZone') &&
      answer.status < 300
    ) {
      answer = withBody(
        answer,
        zoneNameServers.rewrite(answer.body.toString()),
      );
    }
    if (dropAfter) {
      notify({ name: dropAfter, ...op, accountId });
      req.socket.destroy();
      return;
    }
    send(answer);
  }

  /** Why the request is refused, if its account is denied. */
  function denial(op: Operation, body: string, accountId: string) {
    if (op.service === 'sts' && op.operation === 'AssumeRole') {
      const role = new URLSearchParams(body).get('RoleArn') ?? '';
      const roleAccount = accountOfRoleArn(role);
      if (roleAccount && denied.has(roleAccount)) {
        return `User: arn:aws:iam::${accountId}:user/test is not authorized to perform: sts:AssumeRole on resource: ${role}`;
      }
      return undefined;
    }
    if (
      denied.get(accountId)?.revokeSessions &&
      accountId !== defaultAccountId
    ) {
      return `The session of account ${accountId} was revoked: not authorized to perform ${op.service}:${op.operation}`;
    }
    return undefined;
  }

  /**
   * InvalidChangeBatch when the batch CREATEs a record set that exists, as
   * Route 53 answers (moto would add a second one).
   */
  async function existingRecordSet(
    req: http.IncomingMessage,
    raw: { url: string; body: string },
    accountId: string | undefined,
  ): Promise<WireResponse | undefined> {
    for (const record of createdRecordSets(raw.body)) {
      if (
        listsRecordSet(await listRecordSet(req, raw, record, accountId), record)
      ) {
        return recordExistsError(record, randomBytes(16).toString('hex'));
      }
    }
    return undefined;
  }

  /**
   * InvalidChangeBatch when the batch DELETEs a record set with other TTL
   * or values than it has now, as Route 53 answers (moto would delete it).
   */
  async function changedSinceRead(
    req: http.IncomingMessage,
    raw: { url: string; body: string },
    accountId: string | undefined,
  ): Promise<WireResponse | undefined> {
    for (const record of deletedRecordSets(raw.body)) {
      if (
        !listsExactly(await listRecordSet(req, raw, record, accountId), record)
      ) {
        return deleteMismatchError(record, randomBytes(16).toString('hex'));
      }
    }
    return undefined;
  }

  /** The emulator's ListResourceRecordSets answer starting at the record set. */
  async function listRecordSet(
    req: http.IncomingMessage,
    raw: { url: string },
    record: CreatedRecordSet,
    accountId: string | undefined,
  ): Promise<string> {
    const zonePath = raw.url.split('?')[0].replace(/\/$/, '');
    const query = new URLSearchParams({
      name: record.name,
      type: record.type,
      maxitems: '1',
    });
    const listed = await callEmulator({
      method: 'GET',
      path: `${zonePath}?${query}`,
      headers: {
        ...req.headers,
        'content-length': '0',
        ...(accountId && { 'x-moto-account-id': accountId }),
      },
      body: Buffer.alloc(0),
    });
    return listed.body.toString();
  }

  /** Whether the selection store answers this request instead of moto. */
  function answersSelections(op: Operation, url: string): boolean {
    if (!options.emulatorGaps) return false;
    if (!isBackupSelectionOperation(op.service, op.operation)) return false;
    if (options.selectionsOfOtherPlans !== 'emulator') return true;
    const planId = decodeURIComponent(url.split('?')[0].split('/')[3] ?? '');
    return createdPlans.has(planId);
  }

  function rememberPlan(
    op: Operation,
    answer: WireResponse | EmulatorResponse,
  ) {
    if (op.service !== 'backup' || op.operation !== 'CreateBackupPlan') return;
    if (answer.status >= 300) return;
    try {
      const { BackupPlanId } = JSON.parse(answer.body.toString());
      if (typeof BackupPlanId === 'string') createdPlans.add(BackupPlanId);
    } catch {
      // Not moto's JSON: nothing to remember.
    }
  }

  // moto forgot everything, and after its seeded reset it hands out the
  // same ids again: a new plan must not inherit an old plan's selections,
  // nor a new zone be refused for an old zone's CallerReference.
  function forgetEmulatorState() {
    selections.clear();
    callerReferences.clear();
    zoneNameServers.clear();
    createdPlans.clear();
  }

  function learnKey(requestBody: string, responseBody: string) {
    const issued = assumedRoleKey(requestBody, responseBody);
    if (issued) keyAccounts.set(issued.accessKeyId, issued.accountId);
  }

  async function planExists(
    req: http.IncomingMessage,
    planId: string,
    accountId: string | undefined,
  ): Promise<boolean> {
    const answer = await callEmulator({
      method: 'GET',
      path: `/backup/plans/${encodeURIComponent(planId)}/`,
      headers: {
        ...req.headers,
        'content-length': '0',
        ...(accountId && { 'x-moto-account-id': accountId }),
      },
      body: Buffer.alloc(0),
    });
    return answer.status === 200;
  }

  // Keys issued through the proxy are pinned to their account with moto's
  // x-moto-account-id header, so they stay valid across an emulator restart
  // (AWS does not forget sessions when an endpoint has an outage).
  function forward(
    req: http.IncomingMessage,
    body: Buffer,
    accountId: string | undefined,
  ): Promise<EmulatorResponse> {
    return callEmulator({
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: {
        ...req.headers,
        // The gaps may have rewritten the body.
        'content-length': String(body.length),
        ...(accountId && { 'x-moto-account-id': accountId }),
      },
      body,
    });
  }

  function callEmulator(request: EmulatorRequest): Promise<EmulatorResponse> {
    return forwardToEmulator(target, agent, request, {
      timeoutMs: UPSTREAM_TIMEOUT_MS,
    });
  }

  // Self-stop: after an idle period, and after the maximum lifetime.
  const idleTimeoutMs = options.idleTimeoutMs ?? 120_000;
  const maxLifetimeMs = options.maxLifetimeMs ?? 30 * 60_000;
  const timers: { idle?: NodeJS.Timeout; lifetime?: NodeJS.Timeout } = {};
  let resolveClosed: (reason: string) => void = () => {};
  const closed = new Promise<string>(resolve => {
    resolveClosed = resolve;
  });
  let closing: Promise<void> | undefined;
  const close = (reason: string) => {
    closing ??= (async () => {
      clearTimeout(timers.idle);
      clearTimeout(timers.lifetime);
      server.closeAllConnections();
      await new Promise<void>(resolve => server.close(() => resolve()));
      agent.destroy();
      resolveClosed(reason);
    })();
    return closing;
  };
  function touch() {
    clearTimeout(timers.idle);
    timers.idle = limitTimer(idleTimeoutMs, () =>
      close(`idle for ${idleTimeoutMs} ms`),
    );
  }
  timers.lifetime = limitTimer(maxLifetimeMs, () =>
    close(`running for ${maxLifetimeMs} ms`),
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  touch();
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    setRules(rules, nextSeed) {
      if (nextSeed !== undefined) seed = nextSeed;
      plan = new FaultPlan(rules, seed);
    },
    setTarget(next) {
      target = loopbackUrl(next);
    },
    setOffline(next) {
      offline = next;
    },
    hold(until, { maxMs = 30_000 } = {}) {
      let timer: NodeJS.Timeout | undefined;
      const current: Promise<void> = Promise.race([
        until.then(
          () => undefined,
          () => undefined,
        ),
        new Promise<void>(resolve => {
          timer = setTimeout(resolve, maxMs);
          timer.unref();
        }),
      ]).finally(() => {
        clearTimeout(timer);
        if (gate === current) gate = undefined;
      });
      gate = current;
    },
    denyAccount(accountId, { revokeSessions = true } = {}) {
      denied.set(accountId, { revokeSessions });
    },
    allowAccount(accountId) {
      denied.delete(accountId);
    },
    registerKey(accessKeyId, accountId) {
      keyAccounts.set(accessKeyId, accountId);
    },
    onFault(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stats() {
      return {
        requests: stats.requests,
        retries: stats.retries,
        faults: { ...stats.faults },
        operations: [...operations.values()].map(entry => ({ ...entry })),
      };
    },
    resetStats() {
      stats = emptyStats();
      operations = new Map();
    },
    selections,
    close: () => close('closed'),
    closed,
  };
}

/** The answer with another body (and its length), or as it was. */
function withBody(
  answer: WireResponse | EmulatorResponse,
  body: string | undefined,
): WireResponse | EmulatorResponse {
  if (body === undefined) return answer;
  const headers = { ...answer.headers };
  for (const name of Object.keys(headers)) {
    if (name.toLowerCase() === 'content-length') delete headers[name];
  }
  return {
    status: answer.status,
    headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    body: Buffer.from(body),
  };
}

function emptyStats(): {
  requests: number;
  retries: number;
  faults: Record<string, number>;
} {
  return { requests: 0, retries: 0, faults: {} };
}

// Loopback only, on purpose: the proxy forwards signed requests as they are.
function loopbackUrl(value: string): URL {
  const url = new URL(value);
  if (url.protocol !== 'http:' || url.hostname !== '127.0.0.1') {
    throw new Error(
      `the fault proxy only forwards to http://127.0.0.1, not ${value}`,
    );
  }
  return url;
}

// Node fires a timer longer than this at once (TimeoutOverflowWarning).
const MAX_TIMER_MS = 2 ** 31 - 1;

/** An unref'd timer, or none for a limit of Infinity (or beyond Node's longest). */
function limitTimer(
  ms: number,
  onExpiry: () => unknown,
): NodeJS.Timeout | undefined {
  if (!(ms <= MAX_TIMER_MS)) return undefined;
  const timer = setTimeout(() => void onExpiry(), ms);
  timer.unref();
  return timer;
}

/** moto's `POST /moto-api/reset`, which wipes its state. */
function isMotoReset(raw: { method: string; url: string }): boolean {
  return raw.method === 'POST' && raw.url.split('?')[0] === '/moto-api/reset';
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}
