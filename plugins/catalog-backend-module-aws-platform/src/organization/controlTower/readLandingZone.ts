import { isAccessDenied } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { landingZoneFromManifest } from '../landingZoneManifest';
import type { LandingZoneRecord } from '../types';
import type { ControlTowerClient } from './ControlTowerClient';
import {
  GetLandingZoneCommand,
  ListLandingZonesCommand,
} from './landingZoneCommands';

/** Pages of ListLandingZones read at most; an organization has one today. */
const MAX_PAGES = 10;

/**
 * The organization's Control Tower landing zone, from its manifest: which
 * accounts are the Log Archive and Audit accounts, and the governed
 * regions. Undefined when the organization has none in this region, or when
 * the backend's role may not read it (`controltower:ListLandingZones` and
 * `GetLandingZone` not granted): the roles then rest on other evidence.
 * Any other failure throws, so that the organization read fails whole
 * rather than lose the evidence for a run.
 */
export async function readLandingZone(
  client: ControlTowerClient,
): Promise<LandingZoneRecord | undefined> {
  try {
    const arn = await firstLandingZoneArn(client);
    if (!arn) return undefined;
    const { landingZone } = await client.send(
      new GetLandingZoneCommand({ landingZoneIdentifier: arn }),
    );
    return landingZone?.manifest === undefined
      ? undefined
      : landingZoneFromManifest(landingZone.manifest);
  } catch (error) {
    if (isAccessDenied(error)) return undefined;
    throw error;
  }
}

async function firstLandingZoneArn(
  client: ControlTowerClient,
): Promise<string | undefined> {
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const out = await client.send(
      new ListLandingZonesCommand({
        maxResults: 1,
        ...(nextToken && { nextToken }),
      }),
    );
    const arn = out.landingZones?.find(zone => zone.arn)?.arn;
    if (arn) return arn;
    nextToken = out.nextToken;
    if (!nextToken) return undefined;
  }
  return undefined;
}
