import {
  Entity,
  parseEntityRef,
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/**
 * The refs a component depends on, in the order its catalog file lists them
 * (`spec.dependsOn`; the workload template writes staging before
 * production), then any further `dependsOn` relations the catalog added.
 * Refs that do not parse, or name no kind, are left out; each ref appears
 * once, in its full form (`resource:default/…`).
 */
export function dependencyRefsOf(entity: Entity): string[] {
  const refs: string[] = [];
  const seen = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value !== 'string') return;
    let ref: string;
    try {
      ref = stringifyEntityRef(parseEntityRef(value));
    } catch {
      return;
    }
    // The catalog compares refs without regard to case.
    const key = ref.toLocaleLowerCase('en-US');
    if (seen.has(key)) return;
    seen.add(key);
    refs.push(ref);
  };
  const declared = entity.spec?.dependsOn;
  if (Array.isArray(declared)) declared.forEach(add);
  for (const relation of entity.relations ?? []) {
    if (relation.type === RELATION_DEPENDS_ON) add(relation.targetRef);
  }
  return refs;
}

/**
 * Whether an entity gets the AWS card of a service: a `Component` that
 * depends on at least one `Resource`, as a component made by the New
 * Flightdeck workload template depends on its accounts, clusters and zones.
 * Which of those resources are the suite's is known only once they are read
 * from the catalog; the card shows nothing when none is.
 * @public
 */
export function isAwsServiceEntity(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'component' &&
    dependencyRefsOf(entity).some(ref => ref.startsWith('resource:'))
  );
}
