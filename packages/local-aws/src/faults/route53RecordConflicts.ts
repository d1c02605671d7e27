/**
 * Route 53's refusal to CREATE a record set that exists, which moto 5.2.1
 * lacks (it adds a second set of the same name and type). AWS answers the
 * whole change batch with InvalidChangeBatch (400), and callers that CREATE
 * so as never to overwrite a record rely on it, also when the SDK retries a
 * request whose answer was lost.
 *
 * Also Route 53's guarded replacement: a DELETE must name the record set
 * exactly as it is (TTL and values), else the whole batch is refused, so a
 * caller that DELETEs what it read and CREATEs anew in one batch never
 * overwrites a change made since. moto deletes by name and type after a
 * check against its change history, and refuses to CREATE a set identical
 * to one created before even when the batch deleted it; so the proxy checks
 * the DELETEs itself and forwards such a replacement as one UPSERT.
 */
import type { WireResponse } from './awsErrorResponses.ts';
import { renderAwsError } from './awsErrorResponses.ts';

/** A record set a change batch CREATEs. */
export type CreatedRecordSet = { name: string; type: string };

/** A record set with its TTL and values, as a DELETE names it or a list returns it. */
export type RecordSetValues = CreatedRecordSet & {
  ttl?: string;
  values: string[];
};

const CHANGE = /<Change>([\s\S]*?)<\/Change>/g;
const ACTION = /<Action>\s*CREATE\s*<\/Action>/;
const NAME = /<Name>([^<]+)<\/Name>/;
const TYPE = /<Type>([^<]+)<\/Type>/;
const TTL = /<TTL>([^<]+)<\/TTL>/;
const VALUE = /<Value>([^<]*)<\/Value>/g;
const FIRST_SET = /<ResourceRecordSet>([\s\S]*?)<\/ResourceRecordSet>/;

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

const bare = (name: string) => name.toLowerCase().replace(/\.$/, '');
const key = (record: CreatedRecordSet) => `${bare(record.name)} ${record.type}`;

function recordSetOf(xml: string): RecordSetValues | undefined {
  const name = NAME.exec(xml)?.[1];
  const type = TYPE.exec(xml)?.[1];
  if (!name || !type) return undefined;
  return {
    name,
    type,
    ttl: TTL.exec(xml)?.[1],
    values: [...xml.matchAll(VALUE)].map(([, value]) => value),
  };
}

/** The record sets a ChangeResourceRecordSets body DELETEs, as it names them. */
export function deletedRecordSets(body: string): RecordSetValues[] {
  return [...body.matchAll(CHANGE)]
    .filter(([, change]) => DELETE_ACTION.test(change))
    .map(([, change]) => recordSetOf(change))
    .filter((record): record is RecordSetValues => Boolean(record));
}

/**
 * Whether a ListResourceRecordSets answer starts with exactly this record
 * set: same name, type, TTL and values (in any order, trailing dots aside).
 */
export function listsExactly(
  listBody: string,
  record: RecordSetValues,
): boolean {
  const first = FIRST_SET.exec(listBody)?.[1];
  const listed = first && recordSetOf(first);
  if (!listed || key(listed) !== key(record)) return false;
  const norm = (values: string[]) => values.map(bare).sort().join(',');
  return (
    Number(listed.ttl) === Number(record.ttl) &&
    norm(listed.values) === norm(record.values)
  );
}

/** Route 53's answer to a DELETE whose TTL or values are not the record's. */
export function deleteMismatchError(
  record: CreatedRecordSet,
  requestId: string,
): WireResponse {
  return renderAwsError(
    'route53',
    {
      status: 400,
      code: 'InvalidChangeBatch',
      message: `[Tried to delete resource record set [name='${bare(
        record.name,
      )}.', type='${
        record.type
      }'] but the values provided do not match the current values]`,
    },
    requestId,
  );
}

/**
 * The batch as moto can apply it: a DELETE followed by a CREATE of the same
 * set becomes one UPSERT of the new set (the DELETE was checked already).
 */
export function replacementAsUpsert(body: string): string {
  const deleted = new Set(deletedRecordSets(body).map(key));
  const recreated = new Set(
    [...body.matchAll(CHANGE)]
      .filter(([, change]) => ACTION.test(change))
      .map(([, change]) => recordSetOf(change))
      .filter((record): record is RecordSetValues => Boolean(record))
      .map(key)
      .filter(created => deleted.has(created)),
  );
  if (recreated.size === 0) return body;
  return body.replace(CHANGE, (whole, change: string) => {
    const record = recordSetOf(change);
    if (!record || !recreated.has(key(record))) return whole;
    if (DELETE_ACTION.test(change)) return '';
    return whole.replace(ACTION, '<Action>UPSERT</Action>');
  });
}
