import type { ResponseError } from '@backstage/errors';

/**
 * What went wrong with a live status request, to say it in the user's
 * terms: the permission is missing, the entity is gone or hidden, the
 * entity does not fit, AWS could not be read, or the backend is not
 * reachable at all.
 * @public
 */
export type LiveErrorKind =
  | 'forbidden'
  | 'not-found'
  | 'bad-request'
  | 'unavailable'
  | 'unreachable'
  | 'other';

/**
 * The {@link LiveErrorKind} of an error thrown by the API client: HTTP
 * errors are `ResponseError`s carrying the status; a fetch that never got
 * an answer rejects with a plain `TypeError`.
 * @public
 */
export function liveErrorKind(error: Error): LiveErrorKind {
  // By name, not instanceof: the error may come from another copy of
  // @backstage/errors.
  const status = (error as Partial<ResponseError>).statusCode;
  if (error.name === 'ResponseError' && typeof status === 'number') {
    if (status === 401 || status === 403) return 'forbidden';
    if (status === 404) return 'not-found';
    if (status === 400) return 'bad-request';
    if (status === 502 || status === 503 || status === 504) {
      return 'unavailable';
    }
    return 'other';
  }
  return error.name === 'TypeError' ? 'unreachable' : 'other';
}
