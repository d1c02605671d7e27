import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import yaml from 'yaml';

// The templates pick the suite's accounts, clusters and zones with the
// frontend's AwsResourcePicker (plugins/aws-platform, AwsResourcePicker):
// it lists only the suite's own entities (the label its catalog processor
// sets and strips from look-alikes; the catalog query is tested there), as
// "Name (id)", and a cluster or zone only from the account chosen in the
// field its `accountField` names. Backstage's EntityPicker can do neither
// (its catalogFilter cannot read another field), so it must not be used for
// them. This test holds the templates to that.
const templatesDir = resolve(__dirname, '../../../templates');
const templateFiles = readdirSync(templatesDir, { recursive: true })
  .map(String)
  .filter(file => file.endsWith('template.yaml'));

type Field = { page: string; field: string; property: Record<string, any> };

/** Every field of a template's parameter pages, with its page's title. */
function fieldsOf(template: any): Field[] {
  const fields: Field[] = [];
  const visit = (schema: any, page: string) => {
    if (!schema || typeof schema !== 'object') return;
    for (const [field, property] of Object.entries<any>(
      schema.properties ?? {},
    )) {
      fields.push({ page, field, property });
    }
    Object.values(schema.dependencies ?? {}).forEach((dependency: any) =>
      [...(dependency.oneOf ?? []), ...(dependency.anyOf ?? [])].forEach(
        (branch: any) => visit(branch, page),
      ),
    );
  };
  [template.spec.parameters].flat().forEach(page => visit(page, page.title));
  return fields;
}

const SUITE_TYPES = ['aws-account', 'kubernetes-cluster', 'dns-zone'];
const WORKLOAD_ROLES = ['production', 'sandbox', 'workload'];

const templates = templateFiles.map(file => ({
  file,
  fields: fieldsOf(
    yaml.parse(readFileSync(resolve(templatesDir, file), 'utf8')),
  ),
}));
const pickers = templates.flatMap(({ file, fields }) =>
  fields
    .filter(f => f.property['ui:field'] === 'AwsResourcePicker')
    .map(f => ({ file, ...f, options: f.property['ui:options'] ?? {} })),
);

describe('the templates’ AWS pickers', () => {
  it('pick an account in every template', () => {
    const withAccount = new Set(
      pickers.filter(p => p.options.type === 'aws-account').map(p => p.file),
    );
    expect(withAccount.size).toBe(templateFiles.length);
  });

  it('never use EntityPicker for the suite’s accounts, clusters or zones', () => {
    const entityPickers = templates.flatMap(({ file, fields }) =>
      fields
        .filter(f => f.property['ui:field'] === 'EntityPicker')
        .map(f => `${file} ${f.field}`),
    );
    expect(entityPickers).toEqual([]);
  });

  it.each(pickers)('$file $field offers a suite type', ({ options }) => {
    expect(SUITE_TYPES).toContain(options.type);
  });

  it.each(pickers.filter(p => p.options.type === 'aws-account'))(
    '$file $field offers only workload accounts',
    ({ options }) => {
      expect([...options.accountRoles].sort()).toEqual(WORKLOAD_ROLES);
    },
  );

  it.each(pickers.filter(p => p.options.type !== 'aws-account'))(
    '$file $field follows an account chosen on the same page, before it',
    ({ file, page, field, options }) => {
      const { fields } = templates.find(t => t.file === file)!;
      const names = fields.map(f => f.field);
      const account = fields.find(f => f.field === options.accountField);
      expect(account?.property['ui:field']).toBe('AwsResourcePicker');
      expect(account?.property['ui:options']?.type).toBe('aws-account');
      expect(account?.page).toBe(page);
      expect(names.indexOf(options.accountField)).toBeLessThan(
        names.indexOf(field),
      );
    },
  );
});
