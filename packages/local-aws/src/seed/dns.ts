import {
  ChangeResourceRecordSetsCommand,
  ChangeTagsForResourceCommand,
  CreateHostedZoneCommand,
} from '@aws-sdk/client-route-53';
import type { Route53Client } from '@aws-sdk/client-route-53';
import { DELEGATION_TTL, toTagList } from './conventions.ts';

/** A public hosted zone as the seeders record it. */
export type SeededZone = {
  /** Bare zone id, without the `/hostedzone/` prefix. */
  id: string;
  /** DNS name without the trailing dot (Route 53 returns it with one). */
  name: string;
  accountId: string;
  /** The zone's own name servers, as Route 53 returned them. */
  nameServers: string[];
};

/** An NS delegation record written into a parent zone. */
export type SeededDelegation = {
  parentZoneId: string;
  name: string;
  ttl: number;
  values: string[];
};

/**
 * Creates a public zone and tags it. The CallerReference is derived from the
 * name so reruns after a reset send identical requests (moto does not
 * enforce CallerReference idempotency, so never rely on it here).
 */
export async function createPublicZone(
  route53: Route53Client,
  accountId: string,
  name: string,
  tags: Record<string, string>,
): Promise<SeededZone> {
  const out = await route53.send(
    new CreateHostedZoneCommand({
      Name: name,
      CallerReference: `local-aws/${name}`,
      HostedZoneConfig: { Comment: `${name} (local-aws)`, PrivateZone: false },
    }),
  );
  const id = out.HostedZone?.Id?.replace(/^\/hostedzone\//, '');
  if (!id) throw new Error(`CreateHostedZone ${name} returned no id`);
  if (Object.keys(tags).length > 0) {
    await route53.send(
      new ChangeTagsForResourceCommand({
        ResourceType: 'hostedzone',
        ResourceId: id,
        AddTags: toTagList(tags),
      }),
    );
  }
  return {
    id,
    name,
    accountId,
    nameServers: out.DelegationSet?.NameServers ?? [],
  };
}

/**
 * UPSERTs the NS records delegating `name` into the parent zone (TTL 3600,
 * as terraform-route-53-delegated-subdomain does).
 */
export async function delegateSubdomain(
  parentRoute53: Route53Client,
  parentZoneId: string,
  name: string,
  nameServers: string[],
): Promise<SeededDelegation> {
  await upsertNsRecords(parentRoute53, parentZoneId, [
    { name, values: nameServers },
  ]);
  return { parentZoneId, name, ttl: DELEGATION_TTL, values: nameServers };
}

/** Several NS UPSERTs in one change batch (fewer calls for big estates). */
export async function upsertNsRecords(
  route53: Route53Client,
  zoneId: string,
  records: { name: string; values: string[] }[],
): Promise<void> {
  await route53.send(
    new ChangeResourceRecordSetsCommand({
      HostedZoneId: zoneId,
      ChangeBatch: {
        Changes: records.map(record => ({
          Action: 'UPSERT',
          ResourceRecordSet: {
            Name: record.name,
            Type: 'NS',
            TTL: DELEGATION_TTL,
            ResourceRecords: record.values.map(Value => ({ Value })),
          },
        })),
      },
    }),
  );
}
