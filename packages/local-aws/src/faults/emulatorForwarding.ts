/**
 * The parts every loopback proxy in front of the emulator shares: forwarding
 * a request and reading the answer whole (so it can be inspected, counted or
 * replaced), learning which account an AssumeRole's keys belong to, and
 * reading the SDK's attempt number.
 */
import http from 'node:http';
import { header } from './awsOperations.ts';

/** A request to send to the emulator as it is (signed requests stay signed). */
export type EmulatorRequest = {
  method: string;
  /** Path and query. */
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
};

/** The emulator's answer, read whole. */
export type EmulatorResponse = {
  status: number;
  headers: http.OutgoingHttpHeaders;
  body: Buffer;
};

/**
 * Sends one request to the emulator at `target` (loopback, checked by the
 * caller) and resolves with its whole answer; rejects when the emulator
 * cannot be reached or, with `timeoutMs`, does not answer in time.
 */
export function forwardToEmulator(
  target: URL,
  agent: http.Agent,
  request: EmulatorRequest,
  options: { timeoutMs?: number } = {},
): Promise<EmulatorResponse> {
  return new Promise((resolve, reject) => {
    const headers = { ...request.headers };
    delete headers.connection;
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.path,
        headers,
        agent,
        timeout: options.timeoutMs,
      },
      response => {
        const parts: Buffer[] = [];
        response.on('data', chunk => parts.push(chunk));
        response.on('end', () => {
          const responseHeaders = { ...response.headers };
          // The body is re-sent whole.
          delete responseHeaders['transfer-encoding'];
          delete responseHeaders.connection;
          const responseBody = Buffer.concat(parts);
          responseHeaders['content-length'] = String(responseBody.length);
          resolve({
            status: response.statusCode ?? 502,
            headers: responseHeaders,
            body: responseBody,
          });
        });
        response.on('error', reject);
      },
    );
    if (options.timeoutMs !== undefined) {
      upstream.on('timeout', () =>
        upstream.destroy(new Error('the emulator did not answer')),
      );
    }
    upstream.on('error', reject);
    upstream.end(request.body);
  });
}

const ASSUMED_KEY = /<AccessKeyId>([^<]+)<\/AccessKeyId>/;
const ROLE_ACCOUNT = /^arn:aws[a-z-]*:iam::(\d{12}):/;
const SDK_ATTEMPT = /attempt=(\d+)/;

/** The account of a role ARN, e.g. `arn:aws:iam::111122223333:role/x`. */
export function accountOfRoleArn(roleArn: string): string | undefined {
  return ROLE_ACCOUNT.exec(roleArn)?.[1];
}

/**
 * The access key an STS AssumeRole answer issued and the account of the role
 * it was asked for (query protocol: `RoleArn` is in the form body), so a
 * proxy can tell which account later requests signed with that key act in.
 */
export function assumedRoleKey(
  requestBody: string,
  responseBody: string,
): { accessKeyId: string; accountId: string } | undefined {
  const accessKeyId = ASSUMED_KEY.exec(responseBody)?.[1];
  const role = new URLSearchParams(requestBody).get('RoleArn') ?? '';
  const accountId = accountOfRoleArn(role);
  return accessKeyId && accountId ? { accessKeyId, accountId } : undefined;
}

/** 1 for a first attempt, 2+ for the SDK's retries (`amz-sdk-request: attempt=2…`). */
export function sdkAttempt(headers: http.IncomingHttpHeaders): number {
  const value = header(headers, 'amz-sdk-request') ?? '';
  return Number(SDK_ATTEMPT.exec(value)?.[1] ?? 1);
}
