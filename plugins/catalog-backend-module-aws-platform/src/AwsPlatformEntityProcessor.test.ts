import type { Entity } from '@backstage/catalog-model';
import { AwsPlatformEntityProcessor } from './AwsPlatformEntityProcessor';

const LOCATION = { type: 'aws-platform', target: 'organization/o-abc123' };
const SUITE = 'aws-platform:organization/o-abc123';

function account(location: string, labels?: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'production-715451680876',
      labels,
      annotations: {
        'backstage.io/managed-by-location': location,
        'backstage.io/managed-by-origin-location': location,
        'amazonaws.com/account-id': '715451680876',
      },
    },
    spec: {
      type: 'aws-account',
      owner: 'group:default/platform-team',
      partOf: 'resource:default/workloads-ou-abcd-12345678',
    },
  };
}

// A look-alike as the catalog stores it: whatever its file says, the catalog
// sets its managed-by-location to the file's location.
const LOOK_ALIKE_LOCATION =
  'url:https://github.com/acme/catalog/blob/main/fake.yaml';

describe('AwsPlatformEntityProcessor', () => {
  const processor = new AwsPlatformEntityProcessor();

  it('labels the suite’s own entities', async () => {
    const entity = await processor.preProcessEntity(
      account(SUITE, {
        'aws-platform-suite.github.io/account-role': 'production',
      }),
    );
    expect(entity.metadata.labels).toEqual({
      'aws-platform-suite.github.io/account-role': 'production',
      'aws-platform-suite.github.io/suite-entity': 'true',
    });
  });

  it('removes the label from a look-alike that copied it', async () => {
    const entity = await processor.preProcessEntity(
      account(LOOK_ALIKE_LOCATION, {
        'aws-platform-suite.github.io/suite-entity': 'true',
        'aws-platform-suite.github.io/account-role': 'production',
      }),
    );
    expect(entity.metadata.labels).toEqual({
      'aws-platform-suite.github.io/account-role': 'production',
    });
  });

  it('leaves other entities as they are', async () => {
    const other = account(LOOK_ALIKE_LOCATION);
    expect(await processor.preProcessEntity(other)).toBe(other);
  });

  it('draws partOf and hasPart for the suite’s entities only', async () => {
    const emit = jest.fn();
    await processor.postProcessEntity(account(SUITE), LOCATION, emit);
    expect(emit.mock.calls.map(([result]) => result.relation.type)).toEqual([
      'partOf',
      'hasPart',
    ]);

    emit.mockClear();
    await processor.postProcessEntity(
      account(LOOK_ALIKE_LOCATION),
      LOCATION,
      emit,
    );
    expect(emit).not.toHaveBeenCalled();
  });
});
