import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import yaml from 'yaml';
import { createDelegatedSubdomainAction } from './actions/createDelegatedSubdomain';

// The repository's templates may only call the suite's actions with inputs
// their schemas declare, and must list every required input.
const templatesDir = resolve(__dirname, '../../../templates');

const actions = [
  createDelegatedSubdomainAction({
    config: { accounts: [] },
    clientFactory: { createClient: jest.fn() },
    catalog: catalogServiceMock(),
    permissions: mockServices.permissions(),
  }),
];

describe('templates', () => {
  const files = readdirSync(templatesDir, { recursive: true })
    .map(String)
    .filter(file => file.endsWith('template.yaml'));

  it('finds the templates', () => {
    expect(files).toContain('delegated-subdomain/template.yaml');
  });

  it.each(files)('%s calls suite actions with declared inputs', file => {
    const template = yaml.parse(
      readFileSync(resolve(templatesDir, file), 'utf8'),
    );
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
});
