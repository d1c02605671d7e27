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

/**
 * One invalid input: what it tries, and the whole input object. Most are
 * refused before any AWS call; `readsFirst` cases are well-formed names whose
 * fault only AWS can tell (a zone that is not in the stage's account), so
 * they may read, but must change nothing.
 */
export type HostileCase = {
  label: string;
  input: JsonObject;
  readsFirst?: boolean;
};

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
      'domainName',
      [
        'www.example.com',
        'MAIL.example.com',
        'api.example.com.',
        'admin.x.example.com',
      ],
      'reserved',
    ),
    ...vary(
      valid,
      'owner',
      [
        '',
        'user:default/jane', // a person, not a team
        'component:default/payments',
        'group:default/no-such-team',
        'group:default/',
        `group:default/${'a'.repeat(250)}`,
        ...TEXT_ATTACKS,
      ],
      'not a catalog Group',
    ),
    ...vary(
      valid,
      'repairDelegation',
      ['true', 1, 0, 'yes', [], {}],
      'not a boolean',
    ),
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
        // owner and the suite's own keys: they would re-own the zone.
        { owner: 'group:default/someone-else' },
        { Owner: 'x' },
        { ' owner': 'x' },
        { 'aws-platform-suite.github.io/managed-by': 'backstage-aws-platform' },
        {
          'aws-platform-suite.github.io/lineage':
            'route53-subdomain-create-0000',
        },
        { 'AWS-Platform.io/created-by': 'user:default/admin' },
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
    ...vary(
      valid,
      'owner',
      [
        '',
        'user:default/jane', // a person, not a team
        'component:default/payments',
        'group:default/no-such-team',
        'group:default/',
        ...TEXT_ATTACKS,
      ],
      'not a catalog Group',
    ),
    ...vary(
      valid,
      'tags',
      [
        // The suite's own keys: they would forge ownership.
        { owner: 'group:default/someone-else' },
        { Owner: 'x' },
        { 'aws-platform-suite.github.io/managed-by': 'backstage-aws-platform' },
        {
          'aws-platform-suite.github.io/lineage':
            'backup-plan-create-000000000000',
        },
        { 'AWS-Platform.io/created-by': 'user:default/admin' },
        { 'aws:cloudformation:stack-name': 'x' },
        { ['k'.repeat(129)]: 'x' },
        { team: 'v'.repeat(257) },
        Object.fromEntries(
          Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v']),
        ),
        { team: 42 },
        ...INJECTION_STRINGS.filter(
          s => !/^[\p{L}\p{N} _.:/=+\-@]+$/u.test(s),
        ).map(s => ({ [s]: 'x' })),
        ...NOT_STRINGS.filter(
          v => v !== null && (typeof v !== 'object' || Array.isArray(v)),
        ),
      ],
      'hostile',
    ),
  ];
}

/** Replaces one field of the first stage of a valid workload input. */
function varyStage(
  valid: JsonObject,
  field: string,
  values: unknown[],
  what: string,
): HostileCase[] {
  const [stage, ...rest] = valid.stages as JsonObject[];
  return values.map(value => ({
    label: `stages[0].${field}: ${what} ${preview(value)}`,
    input: {
      ...valid,
      stages: [{ ...stage, [field]: value }, ...rest],
    } as JsonObject,
  }));
}

/** Invalid inputs for `aws-platform:flightdeck:workload:create`. */
export function workloadCases(options: {
  valid: JsonObject;
  outsideAllowlist: string[];
  otherAccountsCluster: string;
}): HostileCase[] {
  const { valid } = options;
  const notDnsLabel = [
    '',
    'Storefront',
    'store_front',
    'store front',
    '-storefront',
    'storefront-',
    'a'.repeat(64),
    ...TEXT_ATTACKS.filter(
      v =>
        typeof v !== 'string' || !/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(v),
    ),
  ];
  const stage = (valid.stages as JsonObject[])[0];
  return [
    ...vary(valid, 'name', notDnsLabel, 'bad'),
    ...vary(
      valid,
      'githubRepository',
      [
        '',
        'acme',
        'acme/',
        '/storefront',
        'acme/store/front',
        'acme/store front',
        'https://github.com/acme/storefront',
        'acme/storefront.git?x=1',
        ...TEXT_ATTACKS.filter(
          v => typeof v !== 'string' || !/^[\w.-]+\/[\w.-]+$/.test(v),
        ),
      ],
      'bad',
    ),
    ...vary(
      valid,
      'serviceAccount',
      notDnsLabel.filter(v => v !== '' && v !== null),
      'bad',
    ),
    ...vary(
      valid,
      'stages',
      [
        [],
        'staging',
        42,
        null,
        {},
        [null],
        ['staging'],
        Array.from({ length: 50 }, (_, i) => ({ ...stage, name: `s${i}` })),
        [stage, stage],
      ],
      'bad',
    ),
    ...vary(
      valid,
      'githubRepository',
      [
        'evil/hostile', // an owner outside flightdeck.githubOwners
        'acme-evil/hostile',
        'acm/hostile',
        'acme*/hostile',
      ],
      'outside the allowed GitHub owners',
    ),
    ...vary(
      valid,
      'owner',
      [
        undefined,
        '',
        'user:default/jane', // a person, not a team
        'component:default/hostile',
        'group:default/no-such-team',
        'group:default/',
        ...TEXT_ATTACKS,
      ],
      'not a catalog Group',
    ),
    ...varyStage(valid, 'name', notDnsLabel, 'bad'),
    // <app>-<stage> must split one way: hostile + a-b = hostile-a + b.
    ...varyStage(valid, 'name', ['a-b', 'staging-2', 'prod-eu'], 'hyphenated'),
    ...varyStage(
      valid,
      'account',
      [...UNKNOWN_ACCOUNTS(options.outsideAllowlist), ...TEXT_ATTACKS],
      'unknown or hostile',
    ),
    ...varyStage(
      valid,
      'clusters',
      [
        [],
        'acme-sandbox-v1',
        [options.otherAccountsCluster],
        ['no-such-cluster'],
        ['resource:default/no-such-cluster'],
        Array.from({ length: 10 }, (_, i) => `cluster-${i}`),
        ...INJECTION_STRINGS.map(s => [s]),
        [42],
        [null],
      ],
      'bad',
    ),
    ...varyStage(
      valid,
      'zone',
      ['example.com', 'production.example.com', 'evil.com', '127.0.0.1'],
      'not a zone of the stage account',
    ).map(c => ({ ...c, readsFirst: true })),
    ...varyStage(
      valid,
      'zone',
      [...BAD_DOMAIN_NAMES.filter(v => v !== '' && v !== '127.0.0.1'), 42],
      'bad',
    ),
    ...varyStage(
      valid,
      'host',
      [
        'storefront.evil.com',
        'storefront.production.example.com',
        'sandbox.example.com.evil.com',
        ...BAD_DOMAIN_NAMES.filter(v => v !== ''),
        42,
      ],
      'outside the zone',
    ),
    ...varyStage(
      valid,
      'deployBranches',
      [
        'main',
        [''],
        ['..'],
        ['main..evil'],
        ['main\nevil'],
        ['ma in'],
        ['main~1'],
        ['main^'],
        ['main:evil'],
        ['*'],
        ['main', 42],
        Array.from({ length: 100 }, (_, i) => `b${i}`),
        ['x'.repeat(300)],
      ],
      'bad',
    ),
  ];
}
