/**
 * Name servers of their own for each zone, which moto 5.2.1 lacks (it gives
 * every zone the same four). AWS assigns each new public zone four servers
 * from its pool, so a delegation that names another zone's servers is
 * visible as such; tests of DNS takeover need that. Only zones created
 * through the proxy get them (derived from the zone id, so stable across
 * calls): zones seeded straight into moto keep the servers their seeded
 * delegations name.
 */
import { createHash } from 'node:crypto';

const ZONE_ID = /<HostedZone>\s*<Id>([^<]+)<\/Id>/;
const NAME_SERVERS = /<NameServers>[\s\S]*?<\/NameServers>/;
const TLDS = ['com', 'net', 'org', 'co.uk'];

/** The four name servers of a zone, as AWS spells them (`ns-<n>.awsdns-<m>.<tld>`). */
export function nameServersOf(zoneId: string): string[] {
  const digest = createHash('sha256').update(zoneId).digest();
  return TLDS.map((tld, i) => {
    const n = digest.readUInt16BE(i * 2) % 2048;
    return `ns-${n}.awsdns-${n % 64}.${tld}`;
  });
}

/** Zones created through the proxy, and their answers rewritten to name their own servers. */
export class ZoneNameServers {
  readonly #zones = new Set<string>();

  /** Records a zone from a CreateHostedZone answer. */
  remember(responseBody: string): void {
    const zoneId = ZONE_ID.exec(responseBody)?.[1];
    if (zoneId) this.#zones.add(bareZoneId(zoneId));
  }

  /**
   * A CreateHostedZone or GetHostedZone answer with the zone's own name
   * servers, or undefined when the zone is not one the proxy saw created.
   */
  rewrite(responseBody: string): string | undefined {
    const zoneId = ZONE_ID.exec(responseBody)?.[1];
    if (!zoneId || !this.#zones.has(bareZoneId(zoneId))) return undefined;
    if (!NAME_SERVERS.test(responseBody)) return undefined;
    const servers = nameServersOf(bareZoneId(zoneId))
      .map(server => `<NameServer>${server}</NameServer>`)
      .join('');
    return responseBody.replace(
      NAME_SERVERS,
      `<NameServers>${servers}</NameServers>`,
    );
  }

  clear(): void {
    this.#zones.clear();
  }
}

function bareZoneId(id: string): string {
  return id.replace(/^\/hostedzone\//, '');
}
