import {
  type Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_AWS_REGION,
  AWS_ENTITY_TYPES,
  LABEL_ACCOUNT_ROLE,
  LABEL_SUITE_ENTITY,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/** `ui:options` of the `AwsResourcePicker` field. @public */
export type AwsResourcePickerOptions = {
  /** The `spec.type` offered: `aws-account`, `kubernetes-cluster`, `dns-zone`, … */
  type: string;
  /** The form field holding the account: only that account's resources are offered. */
  accountField?: string;
  /** For accounts: only these roles (the `account-role` label). */
  accountRoles?: string[];
};

/** One entry of the picker: the entity ref it stands for and how it reads. */
export type PickerOption = { ref: string; label: string };

/**
 * The catalog filter of the picker's entities: the suite's own entities of
 * the type (never a look-alike registered by hand), in the chosen account
 * when the options name an account field, of the given roles for accounts.
 * `undefined` while the account field is still empty: nothing to offer yet.
 */
export function pickerFilter(
  options: AwsResourcePickerOptions,
  formData: Record<string, unknown> | undefined,
): Record<string, string | string[]> | undefined {
  const filter: Record<string, string | string[]> = {
    kind: 'Resource',
    'spec.type': options.type,
    [`metadata.labels.${LABEL_SUITE_ENTITY}`]: 'true',
  };
  if (options.accountField) {
    const account = chosenAccount(formData?.[options.accountField]);
    if (!account) return undefined;
    filter['relations.partOf'] = account;
  }
  if (options.accountRoles?.length) {
    filter[`metadata.labels.${LABEL_ACCOUNT_ROLE}`] = options.accountRoles;
  }
  return filter;
}

/** The account ref another field holds, in the catalog's full form. */
export function chosenAccount(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind: 'resource' }),
    );
  } catch {
    // A hand-edited ?formData= value that is not a ref: no account chosen.
    return undefined;
  }
}

/** What tells an entity of the type apart, after its name. */
function detailOf(entity: Entity): string | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const spec = (entity.spec ?? {}) as Record<string, any>;
  switch (spec.type) {
    case AWS_ENTITY_TYPES.account:
      return annotations[ANNOTATION_AWS_ACCOUNT_ID];
    case AWS_ENTITY_TYPES.dnsZone:
      return spec.zone?.id;
    default:
      return annotations[ANNOTATION_AWS_REGION];
  }
}

/**
 * The picker's entries, sorted by how they read: "Name (id)" (the account
 * id, the hosted zone id, a cluster's Region). Entries that would still read
 * the same get their account id, then their entity name, so that no two
 * entries look alike.
 */
export function pickerOptions(entities: Entity[]): PickerOption[] {
  const first = entities.map(entity => {
    const name = entity.metadata.title ?? entity.metadata.name;
    const detail = detailOf(entity);
    return { entity, label: detail ? `${name} (${detail})` : name };
  });
  const withAccount = disambiguate(first, entity => {
    const account = entity.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID];
    return account && `account ${account}`;
  });
  return disambiguate(withAccount, entity => entity.metadata.name)
    .map(({ entity, label }) => ({ ref: stringifyEntityRef(entity), label }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

type Labelled = { entity: Entity; label: string };

/** Adds `extra` to the labels that more than one entry shares. */
function disambiguate(
  entries: Labelled[],
  extra: (entity: Entity) => string | undefined,
): Labelled[] {
  const counts = new Map<string, number>();
  for (const { label } of entries) {
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return entries.map(entry => {
    const more = (counts.get(entry.label) ?? 0) > 1 && extra(entry.entity);
    return more ? { ...entry, label: `${entry.label}, ${more}` } : entry;
  });
}
