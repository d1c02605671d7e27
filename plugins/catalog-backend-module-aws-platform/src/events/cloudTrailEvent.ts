/**
 * The detail types of the CloudTrail events EventBridge delivers: an API call
 * (e.g. `CreateCluster`), or a service event that no caller made directly
 * (e.g. Organizations' `CreateAccountResult` once an account exists).
 */
export const CLOUDTRAIL_DETAIL_TYPES = [
  'AWS API Call via CloudTrail',
  'AWS Service Event via CloudTrail',
] as const;

/** What the event mapping reads of one EventBridge event with a CloudTrail record. */
export interface CloudTrailChangeEvent {
  /** EventBridge's id of the event, for the log. */
  id: string;
  detailType: (typeof CLOUDTRAIL_DETAIL_TYPES)[number];
  /** e.g. `route53.amazonaws.com`. */
  eventSource: string;
  /** e.g. `ChangeResourceRecordSets`. */
  eventName: string;
  /** The account the call was made in: the record's `recipientAccountId`, else the event's `account`. */
  accountId: string;
  /** The record's `awsRegion`, else the event's `region`. */
  region: string;
  /** Set when the call failed, e.g. `AccessDenied`: then it changed nothing. */
  errorCode?: string;
  requestParameters: Record<string, unknown>;
  responseElements: Record<string, unknown>;
  /** The details of a service event (`AWS Service Event via CloudTrail`). */
  serviceEventDetails: Record<string, unknown>;
}

/** An event read from a message, or why it could not be. */
export type ParsedCloudTrailEvent =
  | { ok: true; event: CloudTrailChangeEvent }
  | { ok: false; reason: string; id?: string };

/** An AWS account id: twelve digits. */
export const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/**
 * Reads the body EventBridge writes to an SQS queue for a CloudTrail
 * record (`{version, id, 'detail-type', source, account, region, detail}`),
 * as the events system hands it over (parsed JSON, or text). Anything else
 * is not thrown at: it comes back with the reason, for the log.
 */
export function parseCloudTrailEvent(payload: unknown): ParsedCloudTrailEvent {
  const body = typeof payload === 'string' ? parseJson(payload) : payload;
  if (!isRecord(body)) return { ok: false, reason: 'not a JSON object' };
  const id = typeof body.id === 'string' ? body.id : undefined;
  const fail = (reason: string): ParsedCloudTrailEvent => ({
    ok: false,
    reason,
    ...(id && { id }),
  });
  const detailType = body['detail-type'];
  if (!CLOUDTRAIL_DETAIL_TYPES.includes(detailType as never)) {
    return fail(`detail-type ${describe(detailType)} is not a CloudTrail one`);
  }
  const detail = body.detail;
  if (!isRecord(detail)) return fail('no detail object');
  const { eventSource, eventName } = detail;
  if (typeof eventSource !== 'string' || typeof eventName !== 'string') {
    return fail('detail has no eventSource or eventName');
  }
  const accountId = detail.recipientAccountId ?? body.account;
  if (typeof accountId !== 'string' || !ACCOUNT_ID.test(accountId)) {
    return fail(`account ${describe(accountId)} is not an AWS account id`);
  }
  const region = detail.awsRegion ?? body.region;
  if (typeof region !== 'string' || !REGION.test(region)) {
    return fail(`region ${describe(region)} is not an AWS region`);
  }
  return {
    ok: true,
    event: {
      id: id ?? '(no id)',
      detailType: detailType as CloudTrailChangeEvent['detailType'],
      eventSource,
      eventName,
      accountId,
      region,
      ...(typeof detail.errorCode === 'string' && {
        errorCode: detail.errorCode,
      }),
      requestParameters: recordOrEmpty(detail.requestParameters),
      responseElements: recordOrEmpty(detail.responseElements),
      serviceEventDetails: recordOrEmpty(detail.serviceEventDetails),
    },
  };
}

/** Whether a value is a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function recordOrEmpty(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// Short and free of the message's own text beyond a type or a short value.
function describe(value: unknown): string {
  if (typeof value === 'string') {
    return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  }
  return value === undefined ? '(missing)' : `(${typeof value})`;
}
