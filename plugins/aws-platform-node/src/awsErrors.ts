/**
 * The name and message of an error from the AWS SDK (or anything thrown),
 * without request ids, credentials or response bodies.
 * @public
 */
export function describeAwsError(error: unknown): {
  errorName: string;
  message: string;
} {
  if (error instanceof Error) {
    return { errorName: error.name, message: error.message };
  }
  return { errorName: 'Error', message: String(error) };
}
