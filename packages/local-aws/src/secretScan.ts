/**
 * Tools for the security tests that scan what the suite logs: a logger that
 * keeps every line (children and metadata included), a credentials manager
 * wrapper that remembers every credential it hands out, and a scanner that
 * finds those values, or anything shaped like an AWS secret, in text.
 */

type Meta = Record<string, unknown> | Error | undefined;

/** The LoggerService shape of `@backstage/backend-plugin-api`, structurally. */
export type CapturingLogger = {
  info(message: string, meta?: Meta): void;
  warn(message: string, meta?: Meta): void;
  error(message: string, meta?: Meta): void;
  debug(message: string, meta?: Meta): void;
  child(meta: Record<string, unknown>): CapturingLogger;
};

/** A logger that keeps every line it is given, as JSON text. */
export function createCapturingLogger(): {
  logger: CapturingLogger;
  lines: string[];
} {
  const lines: string[] = [];
  const make = (fields: Record<string, unknown>): CapturingLogger => {
    const log =
      (level: string) =>
      (message: string, meta?: Meta): void => {
        lines.push(
          JSON.stringify({ level, message, ...fields, meta: serialize(meta) }),
        );
      };
    return {
      info: log('info'),
      warn: log('warn'),
      error: log('error'),
      debug: log('debug'),
      child: meta => make({ ...fields, ...meta }),
    };
  };
  return { logger: make({}), lines };
}

function serialize(meta: Meta): unknown {
  if (meta instanceof Error) {
    return { name: meta.name, message: meta.message, stack: meta.stack };
  }
  if (!meta) return undefined;
  return Object.fromEntries(
    Object.entries(meta).map(([key, value]) => [
      key,
      value instanceof Error ? serialize(value) : value,
    ]),
  );
}

type Credentials = {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
};

/** integration-aws-node's AwsCredentialsManager, structurally. */
type CredentialsManagerLike<P> = {
  getCredentialProvider(options?: P): Promise<{
    sdkCredentialProvider: () => Promise<Credentials>;
  }>;
};

/**
 * Wraps a credentials manager so every access key, secret key and session
 * token it hands out is added to `seen`.
 */
export function recordCredentials<P, M extends CredentialsManagerLike<P>>(
  manager: M,
  seen: Set<string>,
): M {
  return {
    ...manager,
    async getCredentialProvider(options?: P) {
      const provider = await manager.getCredentialProvider(options);
      return {
        ...provider,
        sdkCredentialProvider: async () => {
          const credentials = await provider.sdkCredentialProvider();
          seen.add(credentials.accessKeyId);
          seen.add(credentials.secretAccessKey);
          if (credentials.sessionToken) seen.add(credentials.sessionToken);
          return credentials;
        },
      };
    },
  } as M;
}

/** Text shaped like an AWS credential or a signed request's secret parts. */
const SECRET_SHAPES: [string, RegExp][] = [
  ['an access key id', /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/],
  ['a signature', /Signature=[0-9a-f]{64}/],
  ['a security token header', /x-amz-security-token/i],
  [
    'a secret key field',
    /secret_?access_?key["']?\s*[:=]\s*["']?[A-Za-z0-9/+]{20,}/i,
  ],
  [
    'a session token field',
    /session_?token["']?\s*[:=]\s*["']?[A-Za-z0-9/+=]{20,}/i,
  ],
];

/**
 * Where secrets appear in the given lines: each known value (of at least 8
 * characters, so that placeholder keys like `test` do not match everything)
 * and each secret-shaped text. Returns readable findings; empty when clean.
 */
export function findSecrets(
  lines: string[],
  known: Iterable<string>,
): string[] {
  const values = [...known].filter(value => value.length >= 8);
  const findings: string[] = [];
  lines.forEach((line, i) => {
    for (const value of values) {
      if (line.includes(value)) {
        findings.push(
          `line ${i + 1} contains a credential value (${value.slice(0, 4)}...)`,
        );
      }
    }
    for (const [what, shape] of SECRET_SHAPES) {
      if (shape.test(line)) {
        findings.push(`line ${i + 1} contains ${what}: ${line.slice(0, 200)}`);
      }
    }
  });
  return findings;
}
