import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { createFetchTemplateAction } from '@backstage/plugin-scaffolder-backend';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { JsonObject } from '@backstage/types';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import yaml from 'yaml';

// The New Flightdeck workload template's skeleton, rendered by the real
// fetch:template (as src/templates.test.ts does): what a user types into the
// form must reach catalog-info.yaml as the same string, never as YAML.
const templateDir = resolve(
  __dirname,
  '../../../../templates/flightdeck-workload',
);
const template = yaml.parse(
  readFileSync(resolve(templateDir, 'template.yaml'), 'utf8'),
);
const skeletonStep = template.spec.steps.find((s: any) => s.id === 'skeleton');

/** What the action outputs for a stage. */
const stage = (name: string, accountId: string) => ({
  name,
  accountId,
  accountName: name,
  region: 'us-east-1',
  namespace: `shop-${name}`,
  serviceAccount: 'shop',
  clusters: [`acme-${name}-v1`],
  podRoleArn: `arn:aws:iam::${accountId}:role/shop-${name}-pods`,
  deployRoleArn: `arn:aws:iam::${accountId}:role/shop-${name}-deploy`,
  host: `shop.${name}.example.com`,
  zoneName: `${name}.example.com`,
  zoneId: `Z${name.toUpperCase()}`,
  ingress: { dnsName: 'alb.example.com', hostedZoneId: 'Z35SXDOTRQ7X7K' },
  deployBranches: ['main'],
});

// One folder for every render's workspace, removed after the tests
// (Backstage leaves mock folders behind when CI is set).
const workspaces = createMockDirectory();
afterAll(() => workspaces.remove());

async function renderCatalogInfo(values: Record<string, unknown>) {
  const workspace = { path: mkdtempSync(join(workspaces.path, 'render-')) };
  const fetchTemplate = createFetchTemplateAction({
    reader: mockServices.urlReader.mock(),
    integrations: {} as any, // only for remote skeletons
  });
  await fetchTemplate.handler(
    createMockActionContext({
      input: { url: skeletonStep.input.url, values: values as JsonObject },
      workspacePath: workspace.path,
      templateInfo: {
        entityRef: 'template:default/aws-flightdeck-workload',
        baseUrl: pathToFileURL(
          resolve(templateDir, 'template.yaml'),
        ).toString(),
      },
    }) as any,
  );
  return readFileSync(resolve(workspace.path, 'catalog-info.yaml'), 'utf8');
}

const HOSTILE = [
  'A shop\nspec:\n  owner: group:default/admins',
  'owner: group:default/admins # and a comment',
  '{{ 7 * 7 }} ${{ values.name }} {% raw %}',
  'quotes " and \' and \\ and a tab\t',
  '- a list item',
  '*anchor &alias !!python/object',
];

describe('flightdeck-workload skeleton', () => {
  it.each(HOSTILE)(
    'renders a hostile description and owner as the same strings: %j',
    async text => {
      const refs = {
        stagingAccount: `resource:default/sandbox\n- ${text}`,
        stagingCluster: 'resource:default/acme-sandbox-v1',
        stagingZone: 'resource:default/sandbox-zone',
        productionAccount: 'resource:default/production',
        productionCluster: 'resource:default/acme-production-v1',
        productionZone: 'resource:default/production-zone',
      };
      const rendered = await renderCatalogInfo({
        name: 'shop',
        description: text,
        owner: `group:default/team\n${text}`,
        githubRepository: 'acme/shop',
        repositoryUri: '708053100330.dkr.ecr.us-east-1.amazonaws.com/acme/shop',
        ecrRegion: 'us-east-1',
        pushRoleArn: 'arn:aws:iam::708053100330:role/github-actions-ecr-shop',
        staging: stage('staging', '171870262174'),
        production: stage('production', '715451680876'),
        ...refs,
      });
      const entity = yaml.parse(rendered);
      expect(entity.metadata.description).toBe(text);
      expect(entity.spec.owner).toBe(`group:default/team\n${text}`);
      expect(entity.spec.dependsOn).toEqual(Object.values(refs));
      expect(Object.keys(entity.spec).sort()).toEqual([
        'dependsOn',
        'lifecycle',
        'owner',
        'type',
      ]);
    },
  );
});
