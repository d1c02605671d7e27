import type { HostedZoneReader } from '../../dns/readHostedZone';
import type { ResourceReaders } from '../../ingestion/resourceReaders';
import type { EstateData } from '../__fixtures__/eventEstate';

/** Readers over fixture data, which record each scope read. */
export interface EstateReaders {
  readers: ResourceReaders;
  /** The scope keys read, in order. */
  calls: string[];
  /** Scope keys whose read fails, with this error. */
  failing: Map<string, Error>;
}

/**
 * The refresh's readers answering from `data` (changed by the test between
 * reads), as readHostedZones, readClusters and readBackup answer: the AWS
 * I/O layer, which the emulator tests exercise against moto.
 */
export function estateReaders(
  data: EstateData,
  options: { zoneByZone?: boolean } = {},
): EstateReaders {
  const calls: string[] = [];
  const failing = new Map<string, Error>();
  const read = <T>(key: string, value: () => T | undefined, empty: T) => {
    calls.push(key);
    const error = failing.get(key);
    if (error) return Promise.reject(error);
    return Promise.resolve(structuredClone(value() ?? empty));
  };
  const readers = {
    route53: (accountId: string) =>
      read(
        `route53:${accountId}`,
        () => data.zones[`route53:${accountId}`],
        [],
      ),
    eks: (accountId: string, region: string, names?: readonly string[]) =>
      read(
        `eks:${accountId}:${region}${names ? ` ${names.join(',')}` : ''}`,
        () =>
          data.clusters[`eks:${accountId}:${region}`]?.filter(
            c => !names || names.includes(c.name),
          ),
        [],
      ),
    backup: (accountId: string, region: string, plans?: readonly string[]) =>
      read(
        `backup:${accountId}:${region}${plans ? ` ${plans.join(',')}` : ''}`,
        () => {
          const scope = data.backup[`backup:${accountId}:${region}`];
          return plans && scope
            ? {
                vaults: [],
                plans: scope.plans.filter(p => plans.includes(p.id)),
              }
            : scope;
        },
        { vaults: [], plans: [] },
      ),
    // Read by refreshes that read ECR for role evidence; nothing here.
    ecr: async () => [],
    ...(options.zoneByZone && {
      hostedZone: async (accountId: string) =>
        zoneReader(data, accountId, read),
    }),
  };
  return { readers: readers as ResourceReaders, calls, failing };
}

/**
 * One account's zones a zone at a time, as createHostedZoneReader answers
 * them; each read is recorded as `route53:<account> <what> <zone id>`.
 */
function zoneReader(
  data: EstateData,
  accountId: string,
  read: <T>(key: string, value: () => T | undefined, empty: T) => Promise<T>,
): HostedZoneReader {
  const zoneOf = (id: string) =>
    data.zones[`route53:${accountId}`]?.find(z => z.id === id);
  const key = (what: string, id: string) =>
    `route53:${accountId} ${what} ${id}`;
  return {
    zone: id => read(key('zone', id), () => zoneOf(id), undefined),
    recordCount: id =>
      read(key('count', id), () => zoneOf(id)?.recordCount, undefined),
    tags: id => read(key('tags', id), () => zoneOf(id)?.tags, {}),
    nsRecord: (id, name) =>
      read(
        key(`ns ${name}`, id),
        () => zoneOf(id)?.delegations.find(d => d.name === name),
        undefined,
      ),
  };
}
