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
import { AWS_ENTITY_TYPES } from '@internal/backstage-plugin-aws-platform-common';

const SUITE_TYPES: ReadonlySet<string> = new Set(
  Object.values(AWS_ENTITY_TYPES),
);

/**
 * Turns the `spec.partOf` of the suite's Resource entities into `partOf` and
 * `hasPart` relations (an account is part of its OU, an OU of its parent), so
 * catalog-graph and the relations card draw the organization's tree.
 */
export class AwsPlatformEntityProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'AwsPlatformEntityProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const partOf = entity.spec?.partOf;
    if (
      entity.kind !== 'Resource' ||
      !SUITE_TYPES.has(String(entity.spec?.type)) ||
      typeof partOf !== 'string'
    ) {
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
