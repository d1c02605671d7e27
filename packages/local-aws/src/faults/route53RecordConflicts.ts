/**
 * Route 53's refusal to CREATE a record set that exists, which moto 5.2.1
 * lacks (it adds a second set of the same name and type). AWS answers the
 * whole change batch with InvalidChangeBatch (400), and callers that CREATE
 * so as never to overwrite a record rely on it, also when the SDK retries a
 * request whose answer was lost.
 */
import type { WireResponse } from './awsErrorResponses.ts';
import { renderAwsError } from './awsErrorResponses.ts';

/** A record set a change batch CREATEs. */
export type CreatedRecordSet = { name: string; type: string };

const CHANGE = /<Change>([\s\S]*?)<\/Change>/g;
const ACTION = /<Action>\s*CREATE\s*<\/Action>/;
const NAME = /<Name>([^<]+)<\/Name>/;
const TYPE = /<Type>([^<]+)<\/Type>/;

const DELETE_ACTION = /<Action>\s*DELETE\s*<\/Action>/;

/**
 * The record sets a ChangeResourceRecordSets body CREATEs, except those the
 * same batch DELETEs first (a replacement, which Route 53 accepts).
 */
export function createdRecordSets(body: string): CreatedRecordSet[] {
  const created: CreatedRecordSet[] = [];
  const deleted = new Set<string>();
  const norm = (record: CreatedRecordSet) =>
    `${record.name.toLowerCase().replace(/\.$/, '')} ${record.type}`;
  for (const [, change] of body.matchAll(CHANGE)) {
    const name = NAME.exec(change)?.[1];
    const type = TYPE.exec(change)?.[1];
    if (!name || !type) continue;
    if (DELETE_ACTION.test(change)) deleted.add(norm({ name, type }));
    else if (ACTION.test(change) && !deleted.has(norm({ name, type }))) {
      created.push({ name, type });
    }
  }
  return created;
}

/** Whether a ListResourceRecordSets answer starts with this record set. */
export function listsRecordSet(
  listBody: string,
  record: CreatedRecordSet,
): boolean {
  const first = /<ResourceRecordSet>([\s\S]*?)<\/ResourceRecordSet>/.exec(
    listBody,
  )?.[1];
  if (!first) return false;
  const norm = (name: string) => name.toLowerCase().replace(/\.$/, '');
  return (
    norm(NAME.exec(first)?.[1] ?? '') === norm(record.name) &&
    TYPE.exec(first)?.[1] === record.type
  );
}

/** Route 53's answer to a CREATE of a record set that exists. */
export function recordExistsError(
  record: CreatedRecordSet,
  requestId: string,
): WireResponse {
  const name = record.name.endsWith('.') ? record.name : `${record.name}.`;
  return renderAwsError(
    'route53',
    {
      status: 400,
      code: 'InvalidChangeBatch',
      message: `[Tried to create resource record set [name='${name}', type='${record.type}'] but it already exists]`,
    },
    requestId,
  );
}
