import {
  AccessDeniedException,
  DescribeOrganizationCommand,
  ListAccountsForParentCommand,
  ListDelegatedAdministratorsCommand,
  ListDelegatedServicesForAccountCommand,
  ListOrganizationalUnitsForParentCommand,
  ListRootsCommand,
  ListTagsForResourceCommand,
  OrganizationsClient,
  TooManyRequestsException,
} from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { readOrganization, readOrganizationId } from './readOrganization';

// aws-sdk-client-mock replaces `send`, so these tests exercise our paging and
// tree walk; retries and rate limits are covered against the emulator.
const organizations = mockClient(OrganizationsClient);

function account(id: string, name: string) {
  return {
    Id: id,
    Name: name,
    Email: `${name}@example.com`,
    Arn: `arn:aws:organizations::123456789012:account/o-1/${id}`,
    State: 'ACTIVE' as const,
  };
}

describe('readOrganization', () => {
  beforeEach(() => {
    organizations.reset();
    organizations.on(DescribeOrganizationCommand).resolves({
      Organization: {
        Id: 'o-1',
        Arn: 'arn:aws:organizations::123456789012:organization/o-1',
        MasterAccountId: '123456789012',
      },
    });
    organizations.on(ListRootsCommand).resolves({
      Roots: [
        {
          Id: 'r-1',
          Name: 'Root',
          Arn: 'arn:aws:organizations::123456789012:root/o-1/r-1',
        },
      ],
    });
    organizations
      .on(ListOrganizationalUnitsForParentCommand)
      .resolves({ OrganizationalUnits: [] })
      .on(ListOrganizationalUnitsForParentCommand, { ParentId: 'r-1' })
      .resolves({
        OrganizationalUnits: [
          { Id: 'ou-1-workload', Name: 'Workloads', Arn: 'arn:ou' },
        ],
      });
    organizations
      .on(ListAccountsForParentCommand)
      .resolves({ Accounts: [] })
      .on(ListAccountsForParentCommand, { ParentId: 'r-1' })
      .resolves({ Accounts: [account('123456789012', 'management')] })
      // Two pages with an empty page between them, as Organizations may return.
      .on(ListAccountsForParentCommand, {
        ParentId: 'ou-1-workload',
        NextToken: undefined,
      })
      .resolves({
        Accounts: [account('222222222222', 'production')],
        NextToken: 'p2',
      })
      .on(ListAccountsForParentCommand, {
        ParentId: 'ou-1-workload',
        NextToken: 'p2',
      })
      .resolves({ Accounts: [], NextToken: 'p3' })
      .on(ListAccountsForParentCommand, {
        ParentId: 'ou-1-workload',
        NextToken: 'p3',
      })
      .resolves({ Accounts: [account('333333333333', 'sandbox')] });
    organizations
      .on(ListTagsForResourceCommand)
      .resolves({ Tags: [] })
      .on(ListTagsForResourceCommand, { ResourceId: '222222222222' })
      .resolves({
        Tags: [{ Key: 'owner', Value: 'app-team' }],
        NextToken: 't2',
      })
      .on(ListTagsForResourceCommand, {
        ResourceId: '222222222222',
        NextToken: 't2',
      })
      .resolves({ Tags: [{ Key: 'aws-platform/role', Value: 'production' }] });
    organizations
      .on(ListDelegatedAdministratorsCommand)
      .resolves({ DelegatedAdministrators: [] });
  });

  it('walks the OU tree and pages every list, including past empty pages', async () => {
    const snapshot = await readOrganization(new OrganizationsClient({}), {
      concurrency: 2,
    });

    expect(snapshot.organizationId).toBe('o-1');
    expect(snapshot.managementAccountId).toBe('123456789012');
    expect(snapshot.organizationalUnits.map(u => [u.id, u.parentId])).toEqual([
      ['r-1', undefined],
      ['ou-1-workload', 'r-1'],
    ]);
    expect(snapshot.accounts.map(a => [a.id, a.parentId])).toEqual([
      ['123456789012', 'r-1'],
      ['222222222222', 'ou-1-workload'],
      ['333333333333', 'ou-1-workload'],
    ]);
    expect(snapshot.accounts[1].tags).toEqual({
      owner: 'app-team',
      'aws-platform/role': 'production',
    });
    expect(organizations).toHaveReceivedCommandWith(
      ListAccountsForParentCommand,
      {
        ParentId: 'ou-1-workload',
        MaxResults: 20,
      },
    );
  });

  it('carries the tags it is given instead of reading them, and says which', async () => {
    const snapshot = await readOrganization(new OrganizationsClient({}), {
      concurrency: 2,
      carriedTags: new Map([['222222222222', { owner: 'carried-team' }]]),
    });
    expect(snapshot.accounts[1].tags).toEqual({ owner: 'carried-team' });
    expect(snapshot.carriedTagAccounts).toEqual(['222222222222']);
    expect(organizations).not.toHaveReceivedCommandWith(
      ListTagsForResourceCommand,
      { ResourceId: '222222222222' },
    );
    // The others are read; OUs' tags always are.
    expect(organizations).toHaveReceivedCommandWith(
      ListTagsForResourceCommand,
      { ResourceId: '333333333333' },
    );
    expect(organizations).toHaveReceivedCommandWith(
      ListTagsForResourceCommand,
      { ResourceId: 'ou-1-workload' },
    );
  });

  it('fails the whole read when one call fails, so nothing partial reaches the catalog', async () => {
    organizations
      .on(ListTagsForResourceCommand, { ResourceId: '333333333333' })
      .rejects(
        new TooManyRequestsException({
          message: 'Rate exceeded',
          $metadata: {},
        }),
      );

    await expect(
      readOrganization(new OrganizationsClient({}), { concurrency: 2 }),
    ).rejects.toThrow('Rate exceeded');
  });

  // The delegated administrators of sso and backup cannot be registered in
  // moto (it refuses those principals), so their paging is mocked here.
  describe('delegated administrators', () => {
    beforeEach(() => {
      organizations
        .on(ListDelegatedAdministratorsCommand, { NextToken: undefined })
        .resolves({
          DelegatedAdministrators: [{ Id: '444444444444' }],
          NextToken: 'd2',
        })
        .on(ListDelegatedAdministratorsCommand, { NextToken: 'd2' })
        .resolves({ DelegatedAdministrators: [{ Id: '555555555555' }] })
        .on(ListDelegatedServicesForAccountCommand, {
          AccountId: '444444444444',
        })
        .resolves({
          DelegatedServices: [{ ServicePrincipal: 'sso.amazonaws.com' }],
        })
        .on(ListDelegatedServicesForAccountCommand, {
          AccountId: '555555555555',
        })
        .resolves({
          DelegatedServices: [
            { ServicePrincipal: 'backup.amazonaws.com' },
            { ServicePrincipal: 'guardduty.amazonaws.com' },
          ],
        });
    });

    it('reads every page of administrators and the services of each', async () => {
      const snapshot = await readOrganization(new OrganizationsClient({}), {
        concurrency: 2,
      });
      expect(snapshot.delegatedAdministrators).toEqual([
        { accountId: '444444444444', servicePrincipals: ['sso.amazonaws.com'] },
        {
          accountId: '555555555555',
          servicePrincipals: [
            'backup.amazonaws.com',
            'guardduty.amazonaws.com',
          ],
        },
      ]);
    });

    it('reads on without them when the role may not list them', async () => {
      organizations
        .on(ListDelegatedAdministratorsCommand)
        .rejects(
          new AccessDeniedException({ message: 'not allowed', $metadata: {} }),
        );
      const snapshot = await readOrganization(new OrganizationsClient({}), {
        concurrency: 2,
      });
      expect(snapshot.accounts).toHaveLength(3);
      expect(snapshot.delegatedAdministrators).toBeUndefined();
    });

    it('fails the whole read on any other error of theirs', async () => {
      organizations
        .on(ListDelegatedServicesForAccountCommand, {
          AccountId: '555555555555',
        })
        .rejects(
          new TooManyRequestsException({
            message: 'Rate exceeded',
            $metadata: {},
          }),
        );
      await expect(
        readOrganization(new OrganizationsClient({}), { concurrency: 2 }),
      ).rejects.toThrow('Rate exceeded');
    });

    it('adds the landing zone its reader answers', async () => {
      const landingZone = {
        logArchiveAccountId: '444444444444',
        governedRegions: ['us-east-1'],
      };
      const snapshot = await readOrganization(new OrganizationsClient({}), {
        concurrency: 2,
        readLandingZone: async () => landingZone,
      });
      expect(snapshot.landingZone).toEqual(landingZone);
    });
  });
});

describe('readOrganizationId', () => {
  beforeEach(() => organizations.reset());

  it('answers the id DescribeOrganization returns now', async () => {
    organizations
      .on(DescribeOrganizationCommand)
      .resolves({ Organization: { Id: 'o-1' } });
    await expect(
      readOrganizationId(new OrganizationsClient({ region: 'us-east-1' })),
    ).resolves.toBe('o-1');
  });

  it('fails when the caller is in no organization', async () => {
    organizations.on(DescribeOrganizationCommand).resolves({});
    await expect(
      readOrganizationId(new OrganizationsClient({ region: 'us-east-1' })),
    ).rejects.toThrow('DescribeOrganization returned no organization');
  });
});
