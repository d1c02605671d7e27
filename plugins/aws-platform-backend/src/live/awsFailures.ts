import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import type { LiveSectionGap } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import {
  isAccessDenied,
  isOperationUnavailable,
  isResourceGone,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import {
  browserSafeErrorOf,
  browserSafeSummary,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';

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
 * The HTTP error for a failed read of `what` in `scope` (e.g.
 * `eks:<account>:<region>`): 404 when AWS no longer has the resource, else
 * 503. Only the error's name, its HTTP status and the scope reach the
 * browser; AWS's message (role ARNs, account ids) and request ids stay in
 * the backend's log.
 */
export function httpErrorOf(
  error: unknown,
  what: string,
  scope: string,
): Error {
  const summary = browserSafeSummary(browserSafeErrorOf(error), scope);
  if (isResourceGone(error)) {
    return new NotFoundError(
      `${what} no longer exists in AWS (${summary}); the catalog drops it at its next refresh`,
    );
  }
  return new ServiceUnavailableError(
    `${what} could not be read from AWS: ${summary}`,
  );
}
