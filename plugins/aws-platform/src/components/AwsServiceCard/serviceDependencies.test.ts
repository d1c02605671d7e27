import { Entity } from '@backstage/catalog-model';
import { storefrontComponent } from '../../__fixtures__/entities';
import { dependencyRefsOf, isAwsServiceEntity } from './serviceDependencies';

const component = (spec: Entity['spec'], relations?: Entity['relations']) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'storefront' },
  spec,
  relations,
});

describe('dependencyRefsOf', () => {
  it('keeps the order of spec.dependsOn, then adds relations, each once', () => {
    expect(dependencyRefsOf(storefrontComponent)).toEqual(
      storefrontComponent.spec!.dependsOn,
    );
    expect(
      dependencyRefsOf(
        component({ dependsOn: ['Resource:default/Zone-A', 'not a ref'] }, [
          { type: 'dependsOn', targetRef: 'resource:default/zone-a' },
          { type: 'dependsOn', targetRef: 'resource:default/cluster-b' },
          { type: 'ownedBy', targetRef: 'group:default/team' },
        ]),
      ),
    ).toEqual(['resource:default/zone-a', 'resource:default/cluster-b']);
  });
});

describe('isAwsServiceEntity', () => {
  it('holds for a component that depends on a resource', () => {
    expect(isAwsServiceEntity(storefrontComponent)).toBe(true);
    expect(
      isAwsServiceEntity(
        component(undefined, [
          { type: 'dependsOn', targetRef: 'resource:default/account-1' },
        ]),
      ),
    ).toBe(true);
  });

  it('does not hold without a resource dependency, or for other kinds', () => {
    expect(isAwsServiceEntity(component({ type: 'service' }))).toBe(false);
    expect(
      isAwsServiceEntity(
        component({ dependsOn: ['component:default/payments'] }),
      ),
    ).toBe(false);
    expect(
      isAwsServiceEntity({
        ...storefrontComponent,
        kind: 'Resource',
      }),
    ).toBe(false);
  });
});
