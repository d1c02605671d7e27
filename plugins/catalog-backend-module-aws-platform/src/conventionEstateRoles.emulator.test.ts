import { seedConventionEstate } from '@internal/local-aws';
import {
  resourcesOfType,
  startEstateCatalog,
  useSeededEstate,
} from './__testUtils__/estateCatalog';

// Ingests, through the real catalog backend, an organization named after a
// company's own conventions (packages/local-aws seed/conventionEstate.ts):
// no account is named like the guide's, none has a role tag, and the config
// has no roleOverrides. Every guide role must still be recognised.
jest.setTimeout(240_000);

const estateOf = useSeededEstate(seedConventionEstate);

describe('catalog ingestion of an organization named after its own conventions', () => {
  it('recognises every guide role with no roleOverrides, and says from what', async () => {
    const estate = estateOf();
    const server = await startEstateCatalog({
      // Roles are read from the organization alone; one cheap service
      // keeps the run short.
      regions: ['us-east-1'],
      services: ['route53'],
    });

    const accountCount = Object.keys(estate.accounts).length + 1; // + management
    const accounts = await resourcesOfType(server, 'aws-account', accountCount);
    expect(accounts).toHaveLength(accountCount);
    const roleOf = (id: string) => {
      const entity = accounts.find(
        e => e.metadata.annotations?.['amazonaws.com/account-id'] === id,
      );
      return {
        role: entity?.metadata.labels?.[
          'aws-platform-suite.github.io/account-role'
        ],
        source:
          entity?.metadata.annotations?.[
            'aws-platform-suite.github.io/role-source'
          ],
      };
    };
    const named = (name: string) => roleOf(estate.accounts[name]);

    expect(roleOf(estate.managementAccountId)).toEqual({
      role: 'management',
      source: 'management',
    });
    expect(named('globex-sec-logs')).toEqual({
      role: 'log-archive',
      source: 'ou',
    });
    expect(named('globex-sec-tooling')).toEqual({
      role: 'audit',
      source: 'delegated-admin',
    });
    expect(named('globex-ops')).toEqual({
      role: 'operations',
      source: 'delegated-admin',
    });
    expect(named('globex-shared-net')).toEqual({
      role: 'network',
      source: 'name',
    });
    expect(named('globex-sso')).toEqual({ role: 'identity', source: 'name' });
    expect(named('globex-backups')).toEqual({ role: 'backup', source: 'name' });
    expect(named('globex-prod-use1')).toEqual({
      role: 'production',
      source: 'ou',
    });
    expect(named('globex-payments')).toEqual({
      role: 'production',
      source: 'ou',
    });
    expect(named('globex-payments-qa')).toEqual({
      role: 'sandbox',
      source: 'ou',
    });
    // Disagreement is shown on the entity, and the stronger signal wins.
    const annotationsOf = (name: string) =>
      accounts.find(
        e =>
          e.metadata.annotations?.['amazonaws.com/account-id'] ===
          estate.accounts[name],
      )?.metadata.annotations;
    expect(named('globex-net-lab')).toEqual({ role: 'sandbox', source: 'ou' });
    expect(annotationsOf('globex-net-lab')).toMatchObject({
      'aws-platform-suite.github.io/role-conflicts':
        'name:network (account name globex-net-lab)',
    });
    expect(annotationsOf('globex-net-transit')).toMatchObject({
      'aws-platform-suite.github.io/role-confidence': 'low',
      'aws-platform-suite.github.io/role-also-claimed-by':
        estate.accounts['globex-shared-net'],
    });
    expect(annotationsOf('globex-sec-tooling')).toMatchObject({
      'aws-platform-suite.github.io/role-confidence': 'high',
    });
    expect(named('globex-legacy-erp')).toEqual({
      role: 'workload',
      source: 'default',
    });
  });
});
