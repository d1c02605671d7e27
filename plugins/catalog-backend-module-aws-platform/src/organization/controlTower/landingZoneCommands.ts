import type { MetadataBearer } from '@smithy/types';
import { ControlTowerCommand } from './controlTowerCommand';

/** ListLandingZones input (Control Tower API 2018-05-10). */
export interface ListLandingZonesInput {
  maxResults?: number;
  nextToken?: string;
}

/** ListLandingZones output: at most one landing zone per organization today. */
export interface ListLandingZonesOutput extends MetadataBearer {
  landingZones?: { arn?: string }[];
  nextToken?: string;
}

/** Lists the landing zone ARNs of the caller's organization. */
export class ListLandingZonesCommand extends ControlTowerCommand<
  ListLandingZonesInput,
  ListLandingZonesOutput
> {
  protected readonly path = '/list-landingzones';
}

/** GetLandingZone input. */
export interface GetLandingZoneInput {
  landingZoneIdentifier: string;
}

/** GetLandingZone output; `manifest` is the landing zone's JSON document. */
export interface GetLandingZoneOutput extends MetadataBearer {
  landingZone?: {
    arn?: string;
    manifest?: unknown;
    status?: string;
    version?: string;
  };
}

/** Reads one landing zone, with its manifest. */
export class GetLandingZoneCommand extends ControlTowerCommand<
  GetLandingZoneInput,
  GetLandingZoneOutput
> {
  protected readonly path = '/get-landingzone';
}
