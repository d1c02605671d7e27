/**
 * What the suite reads from Route 53 in one account, before any mapping.
 * Plain data so that the mapper can be tested on fixtures. Every DNS name
 * here is normalized: lowercase, without the trailing dot.
 */

/** An NS record set below a zone's apex: a delegation to a child zone. */
export interface NsDelegation {
  name: string;
  nameServers: string[];
  ttl?: number;
}

/** One hosted zone with the NS records the delegation check needs. */
export interface HostedZoneRecord {
  /** Without the `/hostedzone/` prefix. */
  id: string;
  name: string;
  privateZone: boolean;
  recordCount: number;
  comment?: string;
  /** The values of the apex NS record. */
  nameServers: string[];
  /** Every NS record set below the apex. */
  delegations: NsDelegation[];
  tags: Record<string, string>;
}
