import { seedHoldingsEstate } from '@internal/local-aws';
import {
  resourcesOfType,
  startEstateCatalog,
  useSeededEstate,
} from './__testUtils__/estateCatalog';

// Ingests, through the real catalog backend, an organization whose Network,
// Backup and Operations accounts have no role tag, no role word in their
// names, no telling OU and no delegated administration (packages/local-aws
// seed/holdingsEstate.ts), with no roleOverrides. Only what each account
// holds, read on the emulator, can say which is which.
jest.setTimeout(240_000);

const estateOf = useSeededEstate(seedHoldingsEstate);

describe('catalog ingestion of an organization known only by what its accounts hold', () => {
  it('recognises Network, Backup and Operations from holdings, says so, and maps backups with those roles', async () => {
    const estate = estateOf();
    const server = await startEstateCatalog({
      regions: [estate.region],
      // Clusters hold no role evidence; the rest is read.
      services: ['route53', 'backup', 'ecr'],
    });

    const accountCount = Object.keys(estate.accounts).length + 1; // + management
    const accounts = await resourcesOfType(server, 'aws-account', accountCount);
    expect(accounts).toHaveLength(accountCount);
    const accountNamed = (name: string) =>
      accounts.find(
        e =>
          e.metadata.annotations?.['amazonaws.com/account-id'] ===
          estate.accounts[name],
      );
    const roleOf = (name: string) => {
      const annotations = accountNamed(name)?.metadata.annotations ?? {};
      return {
        role: accountNamed(name)?.metadata.labels?.[
          'aws-platform-suite.github.io/account-role'
        ],
        source: annotations['aws-platform-suite.github.io/role-source'],
        confidence: annotations['aws-platform-suite.github.io/role-confidence'],
      };
    };

    expect(roleOf('globex-hub')).toEqual({
      role: 'network',
      source: 'holdings',
      confidence: 'medium',
    });
    expect(roleOf('globex-keep')).toEqual({
      role: 'backup',
      source: 'holdings',
      confidence: 'medium',
    });
    expect(roleOf('globex-forge')).toEqual({
      role: 'operations',
      source: 'holdings',
      confidence: 'medium',
    });
    // The workloads keep the role their OU says; nothing else is claimed.
    expect(roleOf('globex-shop')).toMatchObject({
      role: 'production',
      source: 'ou',
    });
    expect(roleOf('globex-shop-preview')).toMatchObject({
      role: 'sandbox',
      source: 'ou',
    });
    for (const entity of accounts) {
      expect(entity.metadata.annotations).not.toHaveProperty(
        'aws-platform-suite.github.io/role-also-claimed-by',
      );
    }

    // Backup coverage needs the Backup account: with it recognised, the
    // workload's plan copies into it, and what the plan selects decides
    // (moto lacks ListBackupSelections, so that is unknown). Had the Backup
    // account gone unrecognised, the coverage would be "no-copy".
    expect(
      accountNamed('globex-shop')?.metadata.annotations?.[
        'aws-platform-suite.github.io/backup-coverage'
      ],
    ).toBe('unknown');
    expect(accountNamed('globex-shop')?.spec?.summary).toMatchObject({
      zones: 1,
      vaults: 1,
      plans: 1,
    });
  });
});
