import type { LoggerService } from '@backstage/backend-plugin-api';

/** The part of every AWS SDK v3 response that identifies the request. */
export interface AwsResponseLike {
  $metadata?: { requestId?: string; extendedRequestId?: string };
}

/**
 * Writes one applied change to the task log with the AWS request id of the
 * write that made it, so a reviewer can find it in CloudTrail (where the
 * session name also names the user who asked).
 */
export function logAppliedChange(
  logger: Pick<LoggerService, 'info'>,
  description: string,
  responses: AwsResponseLike[],
): void {
  const ids = responses
    .map(response => response.$metadata?.requestId)
    .filter((id): id is string => Boolean(id));
  logger.info(
    `Done: ${description}${
      ids.length > 0
        ? ` (AWS request id${ids.length > 1 ? 's' : ''} ${ids.join(', ')})`
        : ''
    }`,
  );
}
