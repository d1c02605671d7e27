import { Entity } from '@backstage/catalog-model';

/** A team from a group source other than the default owner. */
export const appDevelopers: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'app-developers', namespace: 'default' },
  spec: { type: 'team', children: [] },
};
