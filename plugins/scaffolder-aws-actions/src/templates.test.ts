import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import yaml from 'yaml';
import { createBackupPlanAction } from './actions/createBackupPlan';
import { createDelegatedSubdomainAction } from './actions/createDelegatedSubdomain';
import { validateScheduleExpression } from './lib/scheduleExpression';

// The repository's templates may only call the suite's actions with inputs
// their schemas declare, and must list every required input.
const templatesDir = resolve(__dirname, '../../../templates');

const deps = {
  config: { accounts: [] },
  clientFactory: { createClient: jest.fn() },
  catalog: catalogServiceMock(),
  permissions: mockServices.permissions(),
};
const actions = [
  createDelegatedSubdomainAction(deps),
  createBackupPlanAction(deps),
];

const readTemplate = (file: string) =>
  yaml.parse(readFileSync(resolve(templatesDir, file), 'utf8'));

/** Every property a template's parameter pages declare, also in dependencies. */
function declaredParameters(template: any): Set<string> {
  const names = new Set<string>();
  const visit = (schema: any) => {
    if (!schema || typeof schema !== 'object') return;
    Object.keys(schema.properties ?? {}).forEach(name => names.add(name));
    Object.values(schema.dependencies ?? {}).forEach((dependency: any) =>
      [
        ...(dependency.oneOf ?? []),
        ...(dependency.anyOf ?? []),
        dependency,
      ].forEach(visit),
    );
  };
  [template.spec.parameters].flat().forEach(visit);
  return names;
}

describe('templates', () => {
  const files = readdirSync(templatesDir, { recursive: true })
    .map(String)
    .filter(file => file.endsWith('template.yaml'));

  it('finds the templates', () => {
    expect(files).toContain('delegated-subdomain/template.yaml');
    expect(files).toContain('backup-plan/template.yaml');
  });

  it('lists every template in all-templates.yaml', () => {
    const location = readTemplate('all-templates.yaml');
    expect([...location.spec.targets].sort()).toEqual(
      files.map(file => `./${file}`).sort(),
    );
  });

  it.each(files)('%s calls suite actions with declared inputs', file => {
    const template = readTemplate(file);
    const steps: Array<{ action: string; input: Record<string, unknown> }> =
      template.spec.steps;
    for (const step of steps.filter(s =>
      s.action.startsWith('aws-platform:'),
    )) {
      const action = actions.find(a => a.id === step.action);
      expect(action).toBeDefined();
      const schema = action!.schema!.input as {
        properties: object;
        required?: string[];
      };
      for (const key of Object.keys(step.input)) {
        expect(Object.keys(schema.properties)).toContain(key);
      }
      for (const key of schema.required ?? []) {
        expect(Object.keys(step.input)).toContain(key);
      }
    }
  });

  it.each(files)('%s uses only parameters it declares', file => {
    const template = readTemplate(file);
    const declared = declaredParameters(template);
    const used = JSON.stringify(template.spec.steps).match(
      /parameters\.(\w+)/g,
    );
    for (const reference of used ?? []) {
      expect(declared).toContain(reference.replace('parameters.', ''));
    }
  });

  it('offers only valid schedule presets in backup-plan', () => {
    const template = readTemplate('backup-plan/template.yaml');
    const page = template.spec.parameters.find(
      (p: any) => p.properties?.schedule,
    );
    const presets: string[] = page.properties.schedule.enum;
    expect(presets).toContain(page.properties.schedule.default);
    for (const preset of presets.filter(p => p !== 'custom')) {
      expect(validateScheduleExpression(preset)).toBe(preset);
    }
  });
});
