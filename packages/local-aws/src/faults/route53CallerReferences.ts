/**
 * Route 53's idempotency of CreateHostedZone, which moto 5.2.1 lacks: AWS
 * answers a second request with a CallerReference already used by the
 * account with HostedZoneAlreadyExists (HTTP 409) instead of creating
 * another zone, and callers such as the subdomain action rely on that when
 * the answer to their first request was lost.
 */
import type { WireResponse } from './awsErrorResponses.ts';
import { renderAwsError } from './awsErrorResponses.ts';

const CALLER_REFERENCE = /<CallerReference>([^<]*)<\/CallerReference>/;
const ZONE_ID = /<HostedZone>\s*<Id>([^<]+)<\/Id>/;

/** Caller references each account has used, with the zone each made. */
export class CallerReferences {
  readonly #zones = new Map<string, string>();

  /** HostedZoneAlreadyExists when this account used the reference before. */
  refusal(
    accountId: string,
    requestBody: string,
    requestId: string,
  ): WireResponse | undefined {
    const reference = CALLER_REFERENCE.exec(requestBody)?.[1];
    if (!reference || !this.#zones.has(`${accountId}:${reference}`)) {
      return undefined;
    }
    return renderAwsError(
      'route53',
      {
        status: 409,
        code: 'HostedZoneAlreadyExists',
        message: `A hosted zone has already been created with the specified caller reference ${reference}.`,
      },
      requestId,
    );
  }

  /** Records the reference of a zone the emulator created. */
  remember(accountId: string, requestBody: string, responseBody: string) {
    const reference = CALLER_REFERENCE.exec(requestBody)?.[1];
    const zoneId = ZONE_ID.exec(responseBody)?.[1];
    if (reference && zoneId)
      this.#zones.set(`${accountId}:${reference}`, zoneId);
  }

  clear(): void {
    this.#zones.clear();
  }
}
