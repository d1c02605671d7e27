import {
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_HAS_PART,
  RELATION_PART_OF,
} from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  isSuiteEntity,
  LABEL_SUITE_ENTITY,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/**
 * Marks the suite's own entities and draws the organization's tree:
 *
 * - sets the label `aws-platform-suite.github.io/suite-entity: 'true'` on the entities the
 *   suite's provider emitted and removes it from every other entity, so
 *   exact-match catalog filters (the templates' pickers) can tell the
 *   suite's entities from look-alikes registered by hand;
 * - turns the `spec.partOf` of the suite's entities into `partOf` and
 *   `hasPart` relations (an account is part of its OU, an OU of its parent),
 *   so catalog-graph and the relations card draw the organization's tree.
 *   A look-alike cannot attach itself to the tree.
 */
export class AwsPlatformEntityProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'AwsPlatformEntityProcessor';
  }

  async preProcessEntity(entity: Entity): Promise<Entity> {
    const { [LABEL_SUITE_ENTITY]: claimed, ...labels } =
      entity.metadata.labels ?? {};
    const fromSuite = isSuiteEntity(entity);
    if (!fromSuite && claimed === undefined) return entity;
    return {
      ...entity,
      metadata: {
        ...entity.metadata,
        labels: fromSuite
          ? { ...labels, [LABEL_SUITE_ENTITY]: 'true' }
          : labels,
      },
    };
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const partOf = entity.spec?.partOf;
    if (!isSuiteEntity(entity) || typeof partOf !== 'string') {
      return entity;
    }
    const self = getCompoundEntityRef(entity);
    const parent = parseEntityRef(partOf, {
      defaultKind: 'resource',
      defaultNamespace: self.namespace,
    });
    emit(
      processingResult.relation({
        source: self,
        type: RELATION_PART_OF,
        target: parent,
      }),
    );
    emit(
      processingResult.relation({
        source: parent,
        type: RELATION_HAS_PART,
        target: self,
      }),
    );
    return entity;
  }
}
