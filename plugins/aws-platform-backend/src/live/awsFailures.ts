import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import type { LiveSectionGap } from '@internal/backstage-plugin-aws-platform-common';
import { describeAwsError } from '@internal/backstage-plugin-aws-platform-node';
import {
  isAccessDenied,
  isOperationUnavailable,
  isResourceGone,
} from '../lib/awsErrorKinds';

/*
 * How AWS failures of a live read become answers. Optional parts of an
 * answer (add-ons, insights, job lists) that the backend's role may not read
 * or the endpoint does not serve are reported as gaps, as the ingestion
 * does; anything else fails the request without being cached.
 */

/** The gap an error stands for, or undefined if it must fail the read. */
export function sectionGapOf(error: unknown): LiveSectionGap | undefined {
  if (isResourceGone(error)) return undefined;
  if (isAccessDenied(error)) return 'denied';
  if (isOperationUnavailable(error)) return 'unavailable';
  return undefined;
}

/** Runs an optional read; a denied or unserved API gives its gap instead. */
export async function readOptional<T>(
  read: () => Promise<T>,
): Promise<{ value: T } | { gap: LiveSectionGap }> {
  try {
    return { value: await read() };
  } catch (error) {
    const gap = sectionGapOf(error);
    if (!gap) throw error;
    return { gap };
  }
}

/**
 * The HTTP error for a failed read of `what`: 404 when AWS no longer has the
 * resource, else 503. Only the error's name reaches the browser; request
 * ids, ARNs of roles and messages stay in the backend's log.
 */
export function httpErrorOf(error: unknown, what: string): Error {
  if (isResourceGone(error)) {
    return new NotFoundError(
      `${what} no longer exists in AWS; the catalog drops it at its next refresh`,
    );
  }
  const { errorName } = describeAwsError(error);
  return new ServiceUnavailableError(
    `${what} could not be read from AWS (${errorName})`,
  );
}
