import { MappingContext } from '../../resources/mappingContext';
import {
  NETWORK,
  PRODUCTION,
  SANDBOX,
  referenceMappingContext,
} from '../../__fixtures__/referenceEstateContext';

export { NETWORK, PRODUCTION, SANDBOX };
import { ZoneScope } from '../dnsEntities';

const ROOT_NS = [
  'ns-1536.awsdns-00.co.uk',
  'ns-0.awsdns-00.com',
  'ns-1024.awsdns-00.org',
  'ns-512.awsdns-00.net',
];
const PRODUCTION_NS = [
  'ns-1601.awsdns-08.co.uk',
  'ns-77.awsdns-09.com',
  'ns-1101.awsdns-11.org',
  'ns-701.awsdns-23.net',
];
const SANDBOX_NS = [
  'ns-1702.awsdns-20.co.uk',
  'ns-300.awsdns-37.com',
  'ns-1290.awsdns-33.org',
  'ns-622.awsdns-14.net',
];
const DEV_SANDBOX_NS = [
  'ns-1990.awsdns-56.co.uk',
  'ns-412.awsdns-51.com',
  'ns-1333.awsdns-38.org',
  'ns-903.awsdns-48.net',
];

/** The catalog context of the guide's estate: Network and two workloads. */
export const mappingContext: MappingContext = referenceMappingContext;

/**
 * The guide's DNS layout (section c), as readHostedZones returns it: the
 * root zone in Network delegates `production.` correctly (other order, same
 * servers) and `sandbox.` with one server replaced; `dev.sandbox.` is not
 * delegated by its parent; plus a private zone and an unrelated domain.
 */
export const hostedZoneScopes: ZoneScope[] = [
  {
    accountId: NETWORK,
    zones: [
      {
        id: 'Z04171842Q5TN8GJTMVN6',
        name: 'example.com',
        privateZone: false,
        recordCount: 7,
        comment: 'Root zone, managed in hosted-zones/example.com',
        nameServers: ROOT_NS,
        delegations: [
          {
            name: 'production.example.com',
            nameServers: [...PRODUCTION_NS].reverse(),
            ttl: 3600,
          },
          {
            name: 'sandbox.example.com',
            nameServers: [...SANDBOX_NS.slice(0, 3), 'ns-9999.awsdns-99.net'],
            ttl: 3600,
          },
        ],
        tags: { owner: 'platform-team' },
      },
      {
        id: 'Z08811662LJQH2A3XWRT9',
        name: 'internal.example.com',
        privateZone: true,
        recordCount: 4,
        nameServers: ['ns-0.awsdns-00.com'],
        delegations: [],
        tags: {},
      },
    ],
  },
  {
    accountId: PRODUCTION,
    zones: [
      {
        id: 'Z0923481ZK3EXAMPLEPRD',
        name: 'production.example.com',
        privateZone: false,
        recordCount: 12,
        nameServers: PRODUCTION_NS,
        delegations: [],
        tags: { owner: 'group:default/payments-team' },
      },
    ],
  },
  {
    accountId: SANDBOX,
    zones: [
      {
        id: 'Z0731553KDZ0EXAMPLESBX',
        name: 'sandbox.example.com',
        privateZone: false,
        recordCount: 9,
        nameServers: SANDBOX_NS,
        delegations: [],
        tags: {},
      },
      {
        id: 'Z01995243N9C9EXAMPLEDV',
        name: 'dev.sandbox.example.com',
        privateZone: false,
        recordCount: 3,
        nameServers: DEV_SANDBOX_NS,
        delegations: [],
        tags: {},
      },
      {
        id: 'Z07700012JDG2EXAMPLEBR',
        name: 'brand-campaign.net',
        privateZone: false,
        recordCount: 2,
        nameServers: ['ns-1800.awsdns-33.co.uk', 'ns-88.awsdns-11.com'],
        delegations: [],
        tags: { owner: 'marketing' },
      },
    ],
  },
];
