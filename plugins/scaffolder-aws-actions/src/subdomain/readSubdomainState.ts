import type { Route53Client } from '@aws-sdk/client-route-53';
import { ForwardedError, InputError } from '@backstage/errors';
import {
  findZonesByName,
  getNameServers,
  getNsRecord,
  getZoneTags,
} from '../route53/route53Zones';
import type { ObservedSubdomain, ObservedZone } from './subdomainPlan';

/** The Route 53 clients of one subdomain request. */
export interface SubdomainClients {
  /** The Network account, which holds the parent zone. */
  network: Route53Client;
  /** The workload account that holds (or will hold) the zone. */
  workload: Route53Client;
}

/**
 * Reads what the plan needs, changing nothing: the one public parent zone
 * in the Network account (refusing a private or duplicated parent), the
 * subdomain's NS record there, and each public zone of the subdomain's name
 * in the workload account with its tags and name servers.
 */
export async function readSubdomainState(
  clients: SubdomainClients,
  request: { domainName: string; parentName: string; networkAccountId: string },
): Promise<ObservedSubdomain> {
  const { domainName } = request;
  const parentZoneId = await findParentZone(clients.network, request);
  const delegation = await read(`the NS record ${domainName}`, () =>
    getNsRecord(clients.network, parentZoneId, domainName),
  );
  const found = await read(`the zones named ${domainName}`, () =>
    findZonesByName(clients.workload, domainName),
  );
  const zones: ObservedZone[] = [];
  for (const zone of found.filter(z => !z.privateZone)) {
    zones.push({
      id: zone.id,
      callerReference: zone.callerReference,
      tags: await read(`the tags of zone ${zone.id}`, () =>
        getZoneTags(clients.workload, zone.id),
      ),
      nameServers: await read(`the name servers of zone ${zone.id}`, () =>
        getNameServers(clients.workload, zone.id),
      ),
    });
  }
  return { parentZoneId, zones, delegation };
}

async function findParentZone(
  network: Route53Client,
  request: { parentName: string; networkAccountId: string },
): Promise<string> {
  const { parentName } = request;
  const parents = await read(`the parent zone ${parentName}`, () =>
    findZonesByName(network, parentName),
  );
  const publicParents = parents.filter(zone => !zone.privateZone);
  if (publicParents.length === 0) {
    throw new InputError(
      parents.length > 0
        ? `The parent zone ${parentName} in the Network account is private; subdomains are delegated from public zones only`
        : `The Network account (${request.networkAccountId}) has no public zone ${parentName}`,
    );
  }
  if (publicParents.length > 1) {
    throw new InputError(
      `The Network account has ${
        publicParents.length
      } public zones named ${parentName} (${publicParents
        .map(z => z.id)
        .join(', ')}); remove the duplicate before delegating from it`,
    );
  }
  return publicParents[0].id;
}

/** Runs a read, saying what it was reading when AWS refuses. */
async function read<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw new ForwardedError(`Could not read ${what}`, error);
  }
}
