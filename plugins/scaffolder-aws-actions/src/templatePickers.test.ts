import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { LABEL_SUITE_ENTITY } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import yaml from 'yaml';

// The templates' entity pickers list only the suite's own entities. The
// 1.55 EntityPicker's catalogFilter matches exact values, `{ exists: true }`
// or any of a list (no prefix), so the pickers filter on the label the
// suite's catalog processor sets on its entities and strips from every other
// entity (see AwsPlatformEntityProcessor and its test in the backend).
const templatesDir = resolve(__dirname, '../../../templates');
const templateFiles = readdirSync(templatesDir, { recursive: true })
  .map(String)
  .filter(file => file.endsWith('template.yaml'));

type Picker = { field: string; options: Record<string, any> };

/** Every EntityPicker of a template's parameter pages. */
function entityPickers(template: any): Picker[] {
  const pickers: Picker[] = [];
  const visit = (schema: any) => {
    if (!schema || typeof schema !== 'object') return;
    for (const [field, property] of Object.entries<any>(
      schema.properties ?? {},
    )) {
      if (property['ui:field'] === 'EntityPicker') {
        pickers.push({ field, options: property['ui:options'] ?? {} });
      }
    }
    Object.values(schema.dependencies ?? {}).forEach((dependency: any) =>
      [...(dependency.oneOf ?? []), ...(dependency.anyOf ?? [])].forEach(visit),
    );
  };
  [template.spec.parameters].flat().forEach(visit);
  return pickers;
}

/** The catalog query the EntityPicker makes of a catalogFilter record. */
function pickerQuery(filter: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(filter).map(([key, value]) => [
      key,
      Array.isArray(value) ? value.map(String) : String(value),
    ]),
  );
}

const suiteLabels = { [LABEL_SUITE_ENTITY]: 'true' };

const roleLabel = (role: string) => ({
  'aws-platform-suite.github.io/account-role': role,
});

function entity(type: string, name: string, labels?: Record<string, string>) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, namespace: 'default', labels },
    spec: { type, owner: 'group:default/platform-team' },
  } as Entity;
}

const pickers = templateFiles.flatMap(file =>
  entityPickers(
    yaml.parse(readFileSync(resolve(templatesDir, file), 'utf8')),
  ).map(picker => ({ file, ...picker })),
);

describe('the templates’ entity pickers', () => {
  it('exist in every template', () => {
    expect(new Set(pickers.map(p => p.file)).size).toBe(templateFiles.length);
  });

  it.each(pickers)(
    '$file $field lists the suite’s entity and not a look-alike',
    async ({ options }) => {
      const filters = [options.catalogFilter].flat();
      expect(filters.length).toBeGreaterThan(0);
      for (const filter of filters) {
        const type = String(filter['spec.type']);
        // As the catalog stores them after processing: the suite's entity
        // carries the label, the look-alike registered from a file does not
        // (the processor removes it even when the file sets it).
        const isAccount = type === 'aws-account';
        const catalog = catalogServiceMock({
          entities: [
            entity(type, 'the-suites-own', {
              ...suiteLabels,
              ...(isAccount ? roleLabel('sandbox') : {}),
            }),
            entity(type, 'a-look-alike', isAccount ? roleLabel('sandbox') : {}),
            // Accounts no template changes are not offered.
            ...(isAccount
              ? ['network', 'management', 'audit', 'backup'].map(role =>
                  entity(type, `the-${role}-account`, {
                    ...suiteLabels,
                    ...roleLabel(role),
                  }),
                )
              : []),
          ],
        });
        const { items } = await catalog.getEntities(
          { filter: pickerQuery(filter) },
          { credentials: mockCredentials.user() },
        );
        expect(items.map(e => e.metadata.name)).toEqual(['the-suites-own']);
      }
      // A ref typed by hand would bypass the list.
      expect(options.allowArbitraryValues).toBe(false);
    },
  );
});
