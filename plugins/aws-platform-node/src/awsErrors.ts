/**
 * The name, HTTP status and message of an error from the AWS SDK (or
 * anything thrown), without request ids, credentials or response bodies.
 * The message is AWS's text and may name roles and accounts: it is for the
 * backend's log, not for a browser.
 * @public
 */
export function describeAwsError(error: unknown): {
  errorName: string;
  httpStatus?: number;
  message: string;
} {
  if (error instanceof Error) {
    const httpStatus = (error as { $metadata?: { httpStatusCode?: unknown } })
      .$metadata?.httpStatusCode;
    return {
      errorName: error.name,
      ...(typeof httpStatus === 'number' ? { httpStatus } : {}),
      message: error.message,
    };
  }
  return { errorName: 'Error', message: String(error) };
}
