import { ACCOUNT_ID, CloudTrailChangeEvent, isRecord } from './cloudTrailEvent';

/** The account an Organizations tag call tagged, and the tag keys it changed. */
export interface AccountTagsNamed {
  accountId: string;
  /** Undefined when the request's keys cannot be read: any tag may have changed. */
  tagKeys?: readonly string[];
}

/**
 * The account an Organizations `TagResource` or `UntagResource` changed the
 * tags of (`resourceId`, 12 digits), with the keys of the tags it set
 * (`tags: [{key, value}]`) or removed (`tagKeys`). Undefined for any other
 * call, and for the tags of an OU, the root or a policy.
 */
export function accountTagsNamed(
  event: CloudTrailChangeEvent,
): AccountTagsNamed | undefined {
  if (
    event.eventName !== 'TagResource' &&
    event.eventName !== 'UntagResource'
  ) {
    return undefined;
  }
  const { resourceId } = event.requestParameters;
  if (typeof resourceId !== 'string' || !ACCOUNT_ID.test(resourceId)) {
    return undefined;
  }
  const tagKeys = keysOf(
    event.eventName === 'TagResource'
      ? event.requestParameters.tags
      : event.requestParameters.tagKeys,
  );
  return { accountId: resourceId, ...(tagKeys && { tagKeys }) };
}

/** `[{key}]` or `[key]` as keys; undefined when any entry is neither. */
function keysOf(list: unknown): string[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const keys: string[] = [];
  for (const entry of list) {
    const key = isRecord(entry) ? entry.key : entry;
    if (typeof key !== 'string') return undefined;
    keys.push(key);
  }
  return keys;
}
