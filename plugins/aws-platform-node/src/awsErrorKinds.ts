/**
 * The few kinds of AWS errors the readers (ingestion and live status) treat
 * differently from "fail the read". Anything not matched here (throttling
 * after retries, 5xx, network) must fail the read, so that a partial view
 * never replaces a complete one.
 */

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

function httpStatus(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | undefined)
    ?.$metadata?.httpStatusCode;
}

/**
 * The caller's policy does not allow the call.
 *
 * @public
 */
export function isAccessDenied(error: unknown): boolean {
  const name = errorName(error);
  return (
    name.startsWith('AccessDenied') ||
    name === 'UnauthorizedOperation' ||
    httpStatus(error) === 403
  );
}

/**
 * The resource named in the call no longer exists (deleted while reading).
 *
 * @public
 */
export function isResourceGone(error: unknown): boolean {
  const name = errorName(error);
  // Route 53 names its own kind of missing resource.
  return name === 'ResourceNotFoundException' || name === 'NoSuchHostedZone';
}

/**
 * The operation itself is not served: an unknown operation, a bare 404
 * without a modelled error, or a 500/501 whose body is not the service's
 * protocol at all (moto answers unimplemented routes, and unimplemented
 * actions of routes it has, with an HTML page that the SDK reports as a
 * deserialization `SyntaxError`). A real 5xx of AWS is a modelled error and
 * is not matched.
 *
 * @public
 */
export function isOperationUnavailable(error: unknown): boolean {
  if (errorName(error) === 'UnknownOperationException') return true;
  const status = httpStatus(error);
  if (status === 404) return !isResourceGone(error);
  return (status === 500 || status === 501) && error instanceof SyntaxError;
}
