import type { JsonObject } from '@backstage/types';
import {
  BAD_DOMAIN_NAMES,
  INJECTION_STRINGS,
  NAMES_OUTSIDE_PARENTS,
  NOT_STRINGS,
  NOT_WHOLE_NUMBERS,
  OVERSIZED_STRINGS,
  UNKNOWN_ACCOUNTS,
} from './hostilePayloads';

/** One invalid input: what it tries, and the whole input object. */
export type HostileCase = { label: string; input: JsonObject };

// null stands for "not given" in an optional field, so it is not invalid there.
const OPTIONAL_NOT_WHOLE = NOT_WHOLE_NUMBERS.filter(v => v !== null);

const TEXT_ATTACKS: unknown[] = [
  ...INJECTION_STRINGS,
  ...OVERSIZED_STRINGS,
  ...NOT_STRINGS,
];

/** Replaces one field of a valid input with each of the given values. */
function vary(
  valid: JsonObject,
  field: string,
  values: unknown[],
  what: string,
): HostileCase[] {
  return values.map(value => ({
    label: `${field}: ${what} ${preview(value)}`,
    input: { ...valid, [field]: value } as JsonObject,
  }));
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/**
 * Invalid inputs for `aws-platform:route53:subdomain:create`, each differing
 * from a valid input in one field. `outsideAllowlist` are real account ids
 * of the estate that the action's config does not allow.
 */
export function subdomainCases(options: {
  valid: JsonObject;
  outsideAllowlist: string[];
}): HostileCase[] {
  const { valid } = options;
  return [
    ...vary(valid, 'domainName', BAD_DOMAIN_NAMES, 'bad name'),
    ...vary(valid, 'domainName', NAMES_OUTSIDE_PARENTS, 'outside the parents'),
    ...vary(valid, 'domainName', TEXT_ATTACKS, 'hostile'),
    ...vary(
      valid,
      'account',
      UNKNOWN_ACCOUNTS(options.outsideAllowlist),
      'unknown',
    ),
    ...vary(valid, 'account', TEXT_ATTACKS, 'hostile'),
    ...vary(
      valid,
      'tags',
      [
        ...INJECTION_STRINGS.filter(
          s => !/^[\p{L}\p{N} _.:/=+\-@]+$/u.test(s),
        ).map(s => ({ [s]: 'x' })),
        ...INJECTION_STRINGS.filter(
          s => !/^[\p{L}\p{N} _.:/=+\-@]*$/u.test(s),
        ).map(s => ({ team: s })),
        { 'aws:cloudformation:stack-name': 'x' },
        { ['k'.repeat(129)]: 'x' },
        { team: 'v'.repeat(257) },
        Object.fromEntries(
          Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']),
        ),
        { team: 42 },
        ...NOT_STRINGS.filter(
          v => v !== null && (typeof v !== 'object' || Array.isArray(v)),
        ),
      ],
      'hostile',
    ),
  ];
}

/** Invalid inputs for `aws-platform:backup:plan:create`, one field at a time. */
export function backupPlanCases(options: {
  valid: JsonObject;
  outsideAllowlist: string[];
}): HostileCase[] {
  const { valid } = options;
  const badRegions = [
    'us-east-7',
    'eu-central-3',
    'mars-north-1',
    'US-EAST-1',
    'us_east_1',
    'useast1',
    'us-east-1a',
    'ap-southeast-2', // a real region the config does not allow
  ];
  return [
    ...vary(
      valid,
      'account',
      UNKNOWN_ACCOUNTS(options.outsideAllowlist),
      'unknown',
    ),
    ...vary(valid, 'account', TEXT_ATTACKS, 'hostile'),
    ...vary(valid, 'region', [...badRegions, ...TEXT_ATTACKS], 'bad'),
    ...vary(
      valid,
      'planName',
      [
        '',
        'a'.repeat(51),
        'plan name',
        'plan/name',
        'plan:name',
        ...TEXT_ATTACKS.filter(
          v => typeof v !== 'string' || !/^[A-Za-z0-9._-]{1,50}$/.test(v),
        ),
      ],
      'bad',
    ),
    ...vary(
      valid,
      'schedule',
      [
        '',
        'cron(0 2 * * *)',
        'cron(* * * * ? *)',
        'cron(*/5 * * * ? *)',
        'rate(1 minute)',
        'rate(5 minutes)',
        'rate(0 hours)',
        'rate(-1 days)',
        'rate(1 fortnight)',
        'at(2030-01-01T00:00:00)',
        'cron(0 2 * * ? *) ; rm -rf /',
        'cron(0 25 * * ? *)',
        'cron(60 2 * * ? *)',
        ...TEXT_ATTACKS,
      ],
      'bad',
    ),
    ...vary(
      valid,
      'startWindowMinutes',
      [...OPTIONAL_NOT_WHOLE, 59, 60_000_000],
      'bad',
    ),
    ...vary(
      valid,
      'completionWindowMinutes',
      [...OPTIONAL_NOT_WHOLE, 59, 60_000_000],
      'bad',
    ),
    ...vary(valid, 'deleteAfterDays', [...NOT_WHOLE_NUMBERS, 1_000_000], 'bad'),
    ...vary(
      valid,
      'coldStorageAfterDays',
      [...OPTIONAL_NOT_WHOLE, 1_000],
      'bad',
    ),
    ...vary(
      valid,
      'copyToBackupAccount',
      ['true', 1, 'yes', [], {}],
      'not a boolean',
    ),
    ...vary(
      valid,
      'secondaryRegion',
      [...badRegions, ...INJECTION_STRINGS],
      'bad',
    ),
    ...vary(
      valid,
      'selectionTagKey',
      [
        '',
        'aws:backup',
        'k'.repeat(129),
        ...INJECTION_STRINGS.filter(s => !/^[\p{L}\p{N} _.:/=+\-@]+$/u.test(s)),
      ],
      'bad',
    ),
    ...vary(
      valid,
      'selectionTagValue',
      [
        'v'.repeat(257),
        ...INJECTION_STRINGS.filter(s => !/^[\p{L}\p{N} _.:/=+\-@]*$/u.test(s)),
      ],
      'bad',
    ),
  ];
}
