import { SubPageBlueprint } from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  isAwsAccountEntity,
  isAwsOrganizationalUnitEntity,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { accountMapRouteRef, accountsRouteRef } from '../routes';

/*
 * The AWS Platform page (`page:aws-platform`) has two tabs: the accounts
 * table, its first and default view, and the account map. Their titles can
 * be changed under `app.extensions` like any extension's.
 */

/**
 * `sub-page:aws-platform/accounts`: the accounts table, at
 * `/aws-platform/accounts` (`/aws-platform` opens it).
 * @public
 */
export const awsAccountsSubPage = SubPageBlueprint.make({
  name: 'accounts',
  params: {
    path: 'accounts',
    title: 'Accounts',
    routeRef: accountsRouteRef,
    loader: () =>
      import('../components/AwsAccountsPage').then(m => <m.AwsAccountsPage />),
  },
});

/**
 * `sub-page:aws-platform/account-map`: the account map, at `/aws-platform/map`.
 * @public
 */
export const awsAccountMapSubPage = SubPageBlueprint.make({
  name: 'account-map',
  params: {
    path: 'map',
    title: 'Account map',
    routeRef: accountMapRouteRef,
    loader: () =>
      import('../components/AccountMap').then(m => <m.AccountMapPage />),
  },
});

/**
 * `entity-content:aws-platform/account-map`: an "Account map" tab on AWS
 * account and OU entities, opened down to the entity.
 * @public
 */
export const awsAccountMapEntityContent = EntityContentBlueprint.make({
  name: 'account-map',
  params: {
    path: 'account-map',
    title: 'Account map',
    filter: entity =>
      isAwsAccountEntity(entity) || isAwsOrganizationalUnitEntity(entity),
    loader: () =>
      import('../components/AccountMap').then(m => (
        <m.EntityAccountMapContent />
      )),
  },
});
