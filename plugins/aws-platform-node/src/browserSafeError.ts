/*
 * What of a failure may reach a browser. AWS's error messages name role
 * ARNs, account ids and resources of accounts the user may not see, so the
 * browser gets only the error's name, the HTTP status and the suite's own
 * scope (`eks:<account>:<region>`); the message goes to the backend log.
 */

/** An AWS error name is an identifier such as `AccessDeniedException`. */
const ERROR_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,79}$/;

/**
 * The error's name when it is a plain identifier, else `Error`.
 *
 * @public
 */
export function safeErrorName(name: unknown): string {
  return typeof name === 'string' && ERROR_NAME.test(name) ? name : 'Error';
}

/**
 * An HTTP status code, or undefined for anything else.
 *
 * @public
 */
export function safeHttpStatus(status: unknown): number | undefined {
  return Number.isInteger(status) &&
    Number(status) >= 100 &&
    Number(status) <= 599
    ? Number(status)
    : undefined;
}

/**
 * The parts of an error a browser may see.
 *
 * @public
 */
export interface BrowserSafeError {
  errorName: string;
  httpStatus?: number;
}

/**
 * The name and HTTP status of anything thrown, e.g. by the AWS SDK.
 *
 * @public
 */
export function browserSafeErrorOf(error: unknown): BrowserSafeError {
  const httpStatus = safeHttpStatus(
    (error as { $metadata?: { httpStatusCode?: unknown } } | undefined)
      ?.$metadata?.httpStatusCode,
  );
  return {
    errorName: safeErrorName(error instanceof Error ? error.name : undefined),
    ...(httpStatus ? { httpStatus } : {}),
  };
}

/**
 * E.g. `AccessDeniedException (HTTP 403) in eks:123456789012:us-east-1`.
 *
 * @public
 */
export function browserSafeSummary(
  error: BrowserSafeError,
  scope: string,
): string {
  const status = error.httpStatus ? ` (HTTP ${error.httpStatus})` : '';
  return `${error.errorName}${status} in ${scope}`;
}
