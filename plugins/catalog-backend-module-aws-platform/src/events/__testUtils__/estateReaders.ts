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
export function estateReaders(data: EstateData): EstateReaders {
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
  };
  return { readers: readers as ResourceReaders, calls, failing };
}
