import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createFetchTemplateAction } from '@backstage/plugin-scaffolder-backend';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { JsonObject } from '@backstage/types';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_AWS_REGION,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import yaml from 'yaml';
import { createBackupPlanAction } from './actions/createBackupPlan';
import { createDelegatedSubdomainAction } from './actions/createDelegatedSubdomain';
import { createFlightdeckWorkloadAction } from './actions/createFlightdeckWorkload';
import {
  KEEP_RENDERED_FILES_ACTION,
  keepRenderedFilesAction,
} from './actions/keepRenderedFiles';
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
  createFlightdeckWorkloadAction(deps),
  keepRenderedFilesAction(),
];

/** Steps of the suite's actions that change AWS (the rendered files' does not). */
const awsChangeSteps = (template: any) =>
  template.spec.steps.filter(
    (s: any) =>
      s.action.startsWith('aws-platform:') &&
      s.action !== KEEP_RENDERED_FILES_ACTION,
  );

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
    expect(files).toContain('flightdeck-workload/template.yaml');
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

  it.each(files)(
    '%s ends with an AWS changes step that plans in a task of its own',
    file => {
      const template = readTemplate(file);
      const pages = template.spec.parameters;
      const review = pages[pages.length - 1];
      expect(review.title).toBe('AWS changes');
      expect(review.properties.awsChanges['ui:field']).toBe('AwsChangesReview');
      expect(review.properties.awsPlanOnly).toMatchObject({
        type: 'boolean',
        default: false,
        'ui:widget': 'hidden',
      });
      const awsSteps = awsChangeSteps(template);
      expect(awsSteps).toHaveLength(1);
      expect(awsSteps[0].input.planOnly).toBe(
        '${{ parameters.awsPlanOnly == true }}',
      );
      expect(template.spec.output.awsChanges).toBe(
        `\${{ steps.${awsSteps[0].id}.output.changesByAccount }}`,
      );
      // Every other step is skipped by the plan-only run.
      for (const step of template.spec.steps.filter(
        (s: any) => !awsSteps.includes(s),
      )) {
        expect(step.if).toContain('parameters.awsPlanOnly != true');
      }
    },
  );

  /** Every schema object of a template's parameter pages, nested ones included. */
  function schemasOf(template: any): any[] {
    const found: any[] = [];
    const visit = (node: any) => {
      if (!node || typeof node !== 'object') return;
      if (!Array.isArray(node)) found.push(node);
      Object.entries(node)
        .filter(([key]) => key !== 'errorMessage')
        .forEach(([, value]) => visit(value));
    };
    visit(template.spec.parameters);
    return found;
  }

  it.each(files)('%s uses no deprecated enumNames', file => {
    const schemas = schemasOf(readTemplate(file));
    expect(schemas.filter(s => 'enumNames' in s)).toEqual([]);
    for (const choices of schemas.filter(s => Array.isArray(s.oneOf))) {
      for (const choice of choices.oneOf.filter((c: any) => 'const' in c)) {
        expect(choice.title).toEqual(expect.any(String));
      }
    }
  });

  it.each(files)('%s explains every pattern in words', file => {
    const patterned = schemasOf(readTemplate(file)).filter(s => s.pattern);
    expect(patterned.length).toBeGreaterThan(0);
    for (const schema of patterned) {
      expect(schema.errorMessage?.pattern).toEqual(expect.any(String));
      expect(schema.errorMessage.pattern).not.toContain(schema.pattern);
    }
  });

  it.each(files)(
    '%s keeps its placeholders: no angle brackets in help or output texts',
    file => {
      // The scaffolder renders descriptions and output texts as markdown,
      // which drops <name> as an unknown HTML tag.
      const template = readTemplate(file);
      const texts = [
        ...schemasOf(template).flatMap(s => [s.description, s['ui:help']]),
        ...(template.spec.output?.text ?? []).map((t: any) => t.content),
        template.metadata.description,
      ].filter((text): text is string => typeof text === 'string');
      expect(texts.length).toBeGreaterThan(0);
      expect(texts.filter(text => /<[a-z]/i.test(text))).toEqual([]);
    },
  );

  it('offers only valid schedule presets in backup-plan', () => {
    const template = readTemplate('backup-plan/template.yaml');
    const page = template.spec.parameters.find(
      (p: any) => p.properties?.schedule,
    );
    const presets: string[] = page.properties.schedule.oneOf.map(
      (choice: { const: string }) => choice.const,
    );
    expect(presets).toContain(page.properties.schedule.default);
    for (const preset of presets.filter(p => p !== 'custom')) {
      expect(validateScheduleExpression(preset)).toBe(preset);
    }
  });

  describe('flightdeck-workload', () => {
    const template = readTemplate('flightdeck-workload/template.yaml');
    const action = actions.find(
      a => a.id === 'aws-platform:flightdeck:workload:create',
    )!;
    const outputSchema = action.schema!.output as any;
    const stepOf = (id: string) =>
      template.spec.steps.find((s: any) => s.id === id);

    it('reads only outputs the workload action declares', () => {
      const used = [
        ...JSON.stringify(template).matchAll(
          /steps\.workload\.output\.(\w+)(?:\[\d\]\.(\w+))?/g,
        ),
      ];
      expect(used.length).toBeGreaterThan(5);
      const stageProperties = outputSchema.properties.stages.items.properties;
      const stageFields = used.map(([, , field]) => field).filter(Boolean);
      expect(stageFields.length).toBeGreaterThan(0);
      for (const [, output] of used) {
        expect(Object.keys(outputSchema.properties)).toContain(output);
      }
      for (const field of stageFields) {
        expect(Object.keys(stageProperties)).toContain(field);
      }
    });

    it("plans only in the Review step's run, and renders and publishes only on Create", () => {
      expect(stepOf('workload').input.planOnly).toBe(
        '${{ parameters.awsPlanOnly == true }}',
      );
      expect(stepOf('skeleton').if).toBe(
        '${{ parameters.awsPlanOnly != true }}',
      );
      for (const id of ['publish', 'register']) {
        expect(stepOf(id).if).toBe(
          '${{ parameters.publish and parameters.awsPlanOnly != true }}',
        );
      }
    });

    it('keeps the rendered files for download only when it does not publish them', () => {
      expect(stepOf('files')).toMatchObject({
        action: KEEP_RENDERED_FILES_ACTION,
        if: '${{ not parameters.publish and parameters.awsPlanOnly != true }}',
        input: { name: '${{ parameters.name }}' },
      });
      expect(template.spec.output.renderedFiles).toBe(
        '${{ steps.files.output.renderedFiles }}',
      );
      expect(template.spec.output.links).toContainEqual({
        title: 'Download the rendered files',
        url: '${{ steps.files.output.downloadPath }}',
      });
    });

    it('picks accounts, clusters and zones among the ingested entities', () => {
      const pickers = Object.fromEntries(
        template.spec.parameters
          .flatMap((page: any) => Object.entries(page.properties ?? {}))
          .filter(([, field]: any) => field['ui:field'] === 'AwsResourcePicker')
          .map(([name, field]: any) => [name, field['ui:options'].type]),
      );
      expect(pickers).toEqual({
        stagingAccount: 'aws-account',
        stagingCluster: 'kubernetes-cluster',
        stagingZone: 'dns-zone',
        productionAccount: 'aws-account',
        productionCluster: 'kubernetes-cluster',
        productionZone: 'dns-zone',
      });
    });

    // What the action outputs for a stage, for rendering the skeletons.
    const stage = (name: string, accountId: string, accountName: string) => ({
      name,
      accountId,
      accountName,
      region: 'us-east-1',
      namespace: `shop-${name}`,
      serviceAccount: 'shop',
      clusters: [`acme-${accountName.toLowerCase()}-v1`],
      podRoleArn: `arn:aws:iam::${accountId}:role/shop-${name}-pods`,
      deployRoleArn: `arn:aws:iam::${accountId}:role/shop-${name}-deploy`,
      host: `shop.${accountName.toLowerCase()}.example.com`,
      zoneName: `${accountName.toLowerCase()}.example.com`,
      zoneId: `Z${accountName.toUpperCase()}`,
      ingress: {
        dnsName: `acme-${accountName.toLowerCase()}.us-east-1.elb.amazonaws.com`,
        hostedZoneId: 'Z35SXDOTRQ7X7K',
      },
      deployBranches: ['main'],
    });
    const staging = stage('staging', '171870262174', 'Sandbox');
    const production = stage('production', '715451680876', 'Production');

    it('describes each stage output the skeletons read', () => {
      expect(
        Object.keys(outputSchema.properties.stages.items.properties).sort(),
      ).toEqual(Object.keys(staging).sort());
    });

    // One folder for every render's workspace, removed after the tests
    // (Backstage leaves mock folders behind when CI is set).
    const workspaces = createMockDirectory();
    afterAll(() => workspaces.remove());

    /** Runs the real fetch:template on one of the template's folders. */
    async function render(stepId: string, values: Record<string, unknown>) {
      expect(Object.keys(values).sort()).toEqual(
        Object.keys(stepOf(stepId).input.values).sort(),
      );
      const workspace = { path: mkdtempSync(join(workspaces.path, 'render-')) };
      const fetchTemplate = createFetchTemplateAction({
        reader: mockServices.urlReader.mock(),
        // Only used for remote skeletons; these are next to the template.
        integrations: {} as any,
      });
      await fetchTemplate.handler(
        createMockActionContext({
          input: {
            url: stepOf(stepId).input.url,
            values: values as JsonObject,
          },
          workspacePath: workspace.path,
          templateInfo: {
            entityRef: 'template:default/aws-flightdeck-workload',
            baseUrl: pathToFileURL(
              resolve(templatesDir, 'flightdeck-workload/template.yaml'),
            ).toString(),
          },
        }) as any,
      );
      return (path: string) =>
        readFileSync(resolve(workspace.path, path), 'utf8');
    }

    it('renders the application: catalog-info, helm-rails values and the CI workflow', async () => {
      const file = await render('skeleton', {
        name: 'shop',
        description: 'A shop',
        owner: 'group:default/app-developers',
        githubRepository: 'acme/shop',
        repositoryUri: '708053100330.dkr.ecr.us-east-1.amazonaws.com/acme/shop',
        ecrRegion: 'us-east-1',
        pushRoleArn: 'arn:aws:iam::708053100330:role/github-actions-ecr-shop',
        staging,
        production,
        stagingAccount: 'resource:default/account-171870262174',
        stagingCluster:
          'resource:default/acme-sandbox-v1-171870262174-us-east-1',
        stagingZone: 'resource:default/sandbox-example-com-zsandbox',
        productionAccount: 'resource:default/account-715451680876',
        productionCluster:
          'resource:default/acme-production-v1-715451680876-us-east-1',
        productionZone: 'resource:default/production-example-com-zproduction',
      });

      const entity = yaml.parse(file('catalog-info.yaml'));
      expect(entity.metadata.annotations).toMatchObject({
        [ANNOTATION_AWS_ACCOUNT_ID]: '715451680876',
        [ANNOTATION_AWS_REGION]: 'us-east-1',
        'backstage.io/kubernetes-label-selector': 'app.kubernetes.io/name=shop',
      });
      expect(entity.spec.dependsOn).toEqual([
        'resource:default/account-171870262174',
        'resource:default/acme-sandbox-v1-171870262174-us-east-1',
        'resource:default/sandbox-example-com-zsandbox',
        'resource:default/account-715451680876',
        'resource:default/acme-production-v1-715451680876-us-east-1',
        'resource:default/production-example-com-zproduction',
      ]);

      const shared = yaml.parse(file('deploy/values.yaml'));
      expect(shared.defaults.virtualservice.gateways).toEqual([
        'flightdeck/flightdeck',
      ]);
      expect(shared.services.web.prometheusservicelevel).toMatchObject({
        enabled: true,
        availability: { objective: 99.5 },
      });
      for (const s of [staging, production]) {
        const values = yaml.parse(file(`deploy/${s.name}/values.yaml`));
        expect(values.namespaces).toEqual([
          {
            name: s.namespace,
            create: false,
            hosts: [s.host],
            virtualservice: { enabled: true },
            serviceaccount: {
              shop: { create: true, iamrolearn: s.podRoleArn },
            },
          },
        ]);
      }

      const workflow = yaml.parse(file('.github/workflows/deploy.yaml'));
      expect(workflow.permissions['id-token']).toBe('write');
      expect(workflow.jobs.build.steps[1].with['role-to-assume']).toBe(
        'arn:aws:iam::708053100330:role/github-actions-ecr-shop',
      );
      expect(workflow.jobs['deploy-production'].needs).toBe('deploy-staging');
      expect(
        workflow.jobs['deploy-production'].steps[1].with['role-to-assume'],
      ).toBe(production.deployRoleArn);
      expect(workflow.jobs['deploy-staging'].steps[2].run).toContain(
        'aws eks update-kubeconfig --name acme-sandbox-v1',
      );
    });

    it('renders the Terraform into applications/<app>/<account>, with imports once applied', async () => {
      const values = {
        name: 'shop',
        githubRepository: 'acme/shop',
        repositoryName: 'acme/shop',
        repositoryArn:
          'arn:aws:ecr:us-east-1:708053100330:repository/acme/shop',
        ecrRegion: 'us-east-1',
        staging,
        production,
        stagingAccountDir: 'sandbox',
        productionAccountDir: 'production',
        importExisting: true,
      };
      const file = await render('terraform', values);
      expect(file('applications/shop/operations/main.tf')).toContain(
        'id = "github-actions-ecr-shop:ecr-push"',
      );
      const sandbox = file('applications/shop/sandbox/staging.tf');
      expect(sandbox).toContain('name        = "shop-staging-pods"');
      expect(sandbox).toContain('"system:serviceaccount:shop-staging:shop"');
      expect(sandbox).toContain('id = "ZSANDBOX_shop.sandbox.example.com_A"');
      expect(file('applications/shop/production/production.tf')).toContain(
        'zone_id = "ZPRODUCTION"',
      );

      const planned = await render('terraform', {
        ...values,
        importExisting: false,
      });
      expect(planned('applications/shop/sandbox/staging.tf')).not.toContain(
        'import {',
      );
    });
  });
});
