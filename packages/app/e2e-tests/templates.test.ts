import { APIRequestContext, expect, test } from '@playwright/test';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import JSZip from 'jszip';
import { BACKEND, guestToken, signInAsGuest } from './portal';

// Runs the suite's three templates through the portal's running scaffolder
// on the seeded local estate, over its HTTP API as a signed-in guest: a
// dry-run (POST /api/scaffolder/v2/dry-run, what the template editor does)
// and real tasks (POST /api/scaffolder/v2/tasks), then reads what AWS holds
// afterwards. The app package has no AWS SDK, so AWS is read from moto's own
// state dump (/moto-api/data.json) at the endpoint scripts/start-portal.sh
// wrote to .tools/local-aws.env. Names carry a per-run suffix, so the tests
// can run again against the same portal.
//
// That endpoint is local-aws's emulator front over moto (packages/local-aws,
// emulatorFront.ts): it passes /moto-api/ through and itself holds what moto
// lacks, AWS Backup's selections among them. So the backup plan's real run
// completes, and its tag selection is read from the front with
// ListBackupSelections (moto's dump has no selections).
//
// Publishing to a Git host is impossible offline: the workload template's
// publish and register steps only run when asked, and they are not asked
// here (the portal has no GitHub module).

const REPO_ROOT = resolve(__dirname, '../../..');
const SANDBOX = '171870262174';
const PRODUCTION = '715451680876';
const OPERATIONS = '708053100330';
const ref = {
  sandbox: `resource:default/account-${SANDBOX}`,
  production: `resource:default/account-${PRODUCTION}`,
  sandboxCluster: `resource:default/acme-sandbox-v1-${SANDBOX}-us-east-1`,
  productionCluster: `resource:default/acme-production-v1-${PRODUCTION}-us-east-1`,
  sandboxZone: 'resource:default/sandbox-example-com-73e8da0e',
  productionZone: 'resource:default/production-example-com-26680fb7',
};
const run = Date.now().toString(36);

test.describe.configure({ mode: 'serial' });

let token: string;
let api: APIRequestContext;

test.beforeAll(async ({ playwright }) => {
  const guest = await playwright.request.newContext();
  token = await guestToken(guest);
  await guest.dispose();
  api = await playwright.request.newContext({
    baseURL: `${BACKEND}/api/`,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  // The catalog ingests the estate on start-up; the pickers' entities must be in.
  await expect(async () => {
    for (const entityRef of Object.values(ref)) {
      const [, name] = entityRef.split('/');
      const response = await api.get(
        `catalog/entities/by-name/resource/default/${name}`,
      );
      expect(response.status(), entityRef).toBe(200);
    }
  }).toPass({ timeout: 80_000 });
});

test.afterAll(async () => {
  await api?.dispose();
});

/** The template as the catalog ingested it, and its folder on disk. */
async function template(name: string, folder: string) {
  const response = await api.get(
    `catalog/entities/by-name/template/default/${name}`,
  );
  expect(response.ok()).toBe(true);
  const { apiVersion, kind, metadata, spec } = await response.json();
  const dir = join(REPO_ROOT, 'templates', folder);
  const files = (readdirSync(dir, { recursive: true }) as string[])
    .map(file => join(dir, file))
    .filter(path => statSync(path).isFile())
    .map(path => ({
      path: relative(dir, path),
      base64Content: readFileSync(path).toString('base64'),
    }));
  return {
    entity: {
      apiVersion,
      kind,
      metadata: { name: metadata.name, title: metadata.title },
      spec,
    },
    files,
  };
}

type DryRun = {
  output: { text?: { title: string; content: string }[] };
  log: { body: { message: string; stepId?: string } }[];
  steps: { id: string }[];
  directoryContents: { path: string; base64Content: string }[];
};

async function dryRun(
  name: string,
  folder: string,
  values: Record<string, unknown>,
): Promise<DryRun> {
  const { entity, files } = await template(name, folder);
  const response = await api.post('scaffolder/v2/dry-run', {
    data: { template: entity, values, directoryContents: files },
    timeout: 60_000,
  });
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

type TaskResult = {
  id: string;
  status: string;
  output?: { text?: { title: string; content: string }[] };
  log: string[];
};

/** Starts a task and waits (bounded) until it completes or fails. */
async function task(
  name: string,
  values: Record<string, unknown>,
): Promise<TaskResult> {
  const created = await api.post('scaffolder/v2/tasks', {
    data: { templateRef: `template:default/${name}`, values },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = await created.json();
  let status = 'open';
  for (
    let i = 0;
    i < 120 && !['completed', 'failed', 'cancelled'].includes(status);
    i++
  ) {
    await new Promise(r => setTimeout(r, 500));
    status = (await (await api.get(`scaffolder/v2/tasks/${id}`)).json()).status;
  }
  const events: { type: string; body: any }[] = await (
    await api.get(`scaffolder/v2/tasks/${id}/events`)
  ).json();
  return {
    id,
    status,
    output: events.find(e => e.type === 'completion')?.body.output,
    log: events.filter(e => e.type === 'log').map(e => e.body.message),
  };
}

const textOf = (result: { output?: TaskResult['output'] }, title: RegExp) =>
  result.output?.text?.find(t => title.test(t.title))?.content ?? '';

/** The changes of a change summary (one "- " line each, under account headings). */
const changesListed = (summary: string) =>
  summary
    .split('\n')
    .filter(line => line.startsWith('- '))
    .map(line => line.slice(2));

/** The local AWS endpoint scripts/start-portal.sh wrote down. */
function awsEndpoint(): string {
  const env = readFileSync(join(REPO_ROOT, '.tools/local-aws.env'), 'utf8');
  return /^AWS_ENDPOINT_URL=(.*)$/m.exec(env)![1];
}

/** moto's state dump, read fresh each time. */
async function motoState(): Promise<any> {
  const response = await fetch(`${awsEndpoint()}/moto-api/data.json`);
  expect(response.ok).toBe(true);
  return response.json();
}

// Without an SDK, a SigV4 header that names the keys and the service: the
// emulator and its front route by it and check no signature.
const signedAs = (accessKeyId: string, service: string) => ({
  authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20240101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`,
});

/**
 * ListBackupSelections of a plan, in its account: the keys of an AssumeRole
 * made through the endpoint act in that account there.
 */
async function backupSelections(
  accountId: string,
  planId: string,
): Promise<any[]> {
  const assumed = await fetch(`${awsEndpoint()}/`, {
    method: 'POST',
    headers: {
      ...signedAs('test', 'sts'),
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      Action: 'AssumeRole',
      Version: '2011-06-15',
      RoleArn: `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`,
      RoleSessionName: 'e2e-templates',
    }),
  });
  const credentials = await assumed.text();
  expect(assumed.status, credentials).toBe(200);
  const accessKeyId = /<AccessKeyId>([^<]+)<\/AccessKeyId>/.exec(
    credentials,
  )![1];
  const listed = await fetch(
    `${awsEndpoint()}/backup/plans/${encodeURIComponent(planId)}/selections/`,
    { headers: signedAs(accessKeyId, 'backup') },
  );
  const body = await listed.text();
  expect(listed.status, body).toBe(200);
  return JSON.parse(body).BackupSelectionsList;
}

const zoneNamed = (state: any, name: string) =>
  state.route53.FakeZone.filter((z: any) => z.name === `${name}.`);
const changesIn = (zone: any) =>
  (zone?.rr_changes ?? []).map((c: any) => c.ResourceRecordSet);
const roleIn = (state: any, account: string, name: string) =>
  state.iam.Role.find((r: any) => r.account_id === account && r.name === name);

test('New delegated subdomain: a dry-run plans the zone and its delegation, a task makes them', async () => {
  const label = `e2e${run}`;
  const domain = `${label}.example.com`;
  const values = {
    subdomain: label,
    account: ref.sandbox,
    owner: 'group:default/app-developers',
  };

  const plan = await dryRun(
    'aws-delegated-subdomain',
    'delegated-subdomain',
    values,
  );
  expect(textOf(plan, /Changes/)).toContain(
    `Create public hosted zone ${domain} in account Sandbox (${SANDBOX})`,
  );
  expect(zoneNamed(await motoState(), domain)).toHaveLength(0);

  const result = await task('aws-delegated-subdomain', values);
  expect(result.status, result.log.join('\n')).toBe('completed');
  const state = await motoState();
  expect(zoneNamed(state, domain)).toHaveLength(1);
  const delegation = changesIn(zoneNamed(state, 'example.com')[0]).filter(
    (r: any) => r.Name.replace(/\.$/, '') === domain && r.Type === 'NS',
  );
  expect(delegation).toHaveLength(1);
  expect(delegation[0].TTL).toBe(3600);
  expect(delegation[0].ResourceRecords).toHaveLength(4);
});

test('New backup plan: a dry-run plans it, a task makes the plan and its selection', async () => {
  const planName = `e2e-${run}`;
  const values = {
    account: ref.sandbox,
    owner: 'group:default/app-developers',
    region: 'us-east-1',
    planName,
    schedule: 'cron(0 2 * * ? *)',
    deleteAfterDays: 35,
    startWindowMinutes: 60,
    completionWindowMinutes: 360,
    // No copy to the Backup account: Sandbox keeps the seeded "no backup
    // copy" finding the browser tests look for, even after the next
    // ingestion. The copy is covered by the action's emulator test.
    copyToBackupAccount: false,
    secondaryRegion: '',
    selectionTagKey: 'Backup',
    selectionTagValue: 'true',
  };
  const plansNamed = async () =>
    (await motoState()).backup.Plan.filter(
      (p: any) =>
        p.backup_plan.BackupPlanName === planName &&
        p.backup_plan_arn.includes(`:${SANDBOX}:`),
    );

  const plan = await dryRun('aws-backup-plan', 'backup-plan', values);
  expect(textOf(plan, /Changes/)).toContain(
    `Create backup plan ${planName} in account Sandbox (${SANDBOX}), us-east-1`,
  );
  expect(await plansNamed()).toHaveLength(0);

  const result = await task('aws-backup-plan', values);
  expect(result.status, result.log.join('\n')).toBe('completed');
  const plans = await plansNamed();
  expect(plans).toHaveLength(1);
  const rule = plans[0].backup_plan.Rules[0];
  expect(rule).toMatchObject({
    RuleName: `${planName}-rule`,
    TargetBackupVaultName: 'user-backup-vault',
    ScheduleExpression: 'cron(0 2 * * ? *)',
    Lifecycle: { DeleteAfterDays: 35 },
  });
  expect(rule.CopyActions ?? []).toEqual([]);
  // The selection the emulator front answered for (moto has none).
  expect(await backupSelections(SANDBOX, plans[0].backup_plan_id)).toEqual([
    expect.objectContaining({
      SelectionName: `${planName}-selection`,
      IamRoleArn: `arn:aws:iam::${SANDBOX}:role/backup-selection-role`,
    }),
  ]);
});

/** The workload's applied run, whose rendered files the next test downloads. */
let workloadRun: { id: string; name: string; files: string[] } | undefined;

test('New Flightdeck workload: dry-run, Review run and applied run on Sandbox and Production', async () => {
  const name = `e2e${run}`;
  const values = {
    name,
    description: 'An end-to-end test workload',
    owner: 'group:default/app-developers',
    githubOwner: 'acme',
    stagingAccount: ref.sandbox,
    stagingCluster: ref.sandboxCluster,
    stagingZone: ref.sandboxZone,
    productionAccount: ref.production,
    productionCluster: ref.productionCluster,
    productionZone: ref.productionZone,
    renderTerraform: true,
    publish: false,
  };
  const nothingYet = async () => {
    const state = await motoState();
    expect(roleIn(state, SANDBOX, `${name}-staging-pods`)).toBeUndefined();
    expect(
      state.ecr.Repository.find((r: any) => r.name === `acme/${name}`),
    ).toBeUndefined();
  };

  // The template editor's dry-run: the plan, and the rendered files.
  const plan = await dryRun(
    'aws-flightdeck-workload',
    'flightdeck-workload',
    values,
  );
  const planned = changesListed(textOf(plan, /AWS changes/));
  expect(planned).toHaveLength(12);
  expect(planned[0]).toBe(
    `Create ECR repository acme/${name} (immutable tags, scan on push) in the Operations account (${OPERATIONS}, us-east-1)`,
  );
  const files = Object.fromEntries(
    plan.directoryContents.map(f => [
      f.path,
      Buffer.from(f.base64Content, 'base64').toString('utf8'),
    ]),
  );
  expect(files['app/catalog-info.yaml']).toContain(
    `amazonaws.com/account-id: '${PRODUCTION}'`,
  );
  expect(files['app/deploy/staging/values.yaml']).toContain(
    `iamrolearn: arn:aws:iam::${SANDBOX}:role/${name}-staging-pods`,
  );
  expect(files['app/.github/workflows/deploy.yaml']).toContain(
    `role-to-assume: arn:aws:iam::${PRODUCTION}:role/${name}-production-deploy`,
  );
  expect(
    files[`infrastructure/applications/${name}/sandbox/staging.tf`],
  ).toContain(`name        = "${name}-staging-pods"`);
  await nothingYet();

  // The Review step's run: a real task that only plans, by account.
  const review = await task('aws-flightdeck-workload', {
    ...values,
    awsPlanOnly: true,
  });
  expect(review.status, review.log.join('\n')).toBe('completed');
  const byAccount = (review.output as any).awsChanges;
  expect(byAccount.map((g: any) => g.accountName)).toEqual([
    'Operations',
    'Sandbox',
    'Production',
  ]);
  expect(byAccount.flatMap((g: any) => g.changes)).toEqual(planned);
  await nothingYet();

  // Create: applied, and told in the past tense.
  const applied = await task('aws-flightdeck-workload', values);
  expect(applied.status, applied.log.join('\n')).toBe('completed');
  const made = changesListed(textOf(applied, /AWS changes made/));
  expect(made).toHaveLength(12);
  expect(made[0]).toBe(planned[0].replace(/^Create /, 'Created '));
  const state = await motoState();
  const repository = state.ecr.Repository.find(
    (r: any) => r.name === `acme/${name}` && r.account_id === OPERATIONS,
  );
  expect(repository).toMatchObject({
    image_tag_mutability: 'IMMUTABLE',
    image_scanning_configuration: { scanOnPush: true },
  });
  expect(JSON.parse(repository.policy).Statement[0].Principal.AWS).toEqual([
    `arn:aws:iam::${SANDBOX}:root`,
    `arn:aws:iam::${PRODUCTION}:root`,
  ]);
  expect(roleIn(state, OPERATIONS, `github-actions-ecr-${name}`)).toBeDefined();
  for (const [account, stage, cluster, zone] of [
    [SANDBOX, 'staging', 'acme-sandbox-v1', 'sandbox.example.com'],
    [PRODUCTION, 'production', 'acme-production-v1', 'production.example.com'],
  ]) {
    const pods = roleIn(state, account, `${name}-${stage}-pods`);
    expect(
      JSON.parse(pods.assume_role_policy_document).Statement[0].Condition
        .StringEquals,
    ).toMatchObject({
      'oidc.eks.us-east-1.amazonaws.com/id/OhbVrpoiVg:sub': `system:serviceaccount:${name}-${stage}:${name}`,
    });
    const deploy = roleIn(state, account, `${name}-${stage}-deploy`);
    expect(deploy.tags).toContainEqual({
      Key: `cluster.${cluster}.deploy`,
      Value: 'true',
    });
    const record = changesIn(zoneNamed(state, zone)[0]).filter(
      (r: any) => r.Name.replace(/\.$/, '') === `${name}.${zone}`,
    );
    expect(record).toEqual([
      expect.objectContaining({
        Type: 'A',
        AliasTarget: expect.objectContaining({
          DNSName: `acme-${
            zone.split('.')[0]
          }-ingress-1234567890.us-east-1.elb.amazonaws.com.`,
        }),
      }),
    ]);
  }

  // Not published: the rendered files are kept with the task, as rendered.
  const kept = (applied.output as any).renderedFiles;
  expect(kept.fileName).toBe(`${name}.zip`);
  expect(kept.files.map((f: any) => f.path).sort()).toEqual(
    Object.keys(files).sort(),
  );
  workloadRun = { id: applied.id, name, files: Object.keys(files) };

  // Again: nothing left to change.
  const again = await task('aws-flightdeck-workload', values);
  expect(again.status, again.log.join('\n')).toBe('completed');
  expect(textOf(again, /AWS changes made/)).toBe(
    'None: everything the workload needs already existed.\n',
  );
});

test('New Flightdeck workload: the task page links to its rendered files, which download as one zip', async ({
  page,
}) => {
  expect(workloadRun, 'the applied run of the test before').toBeDefined();
  const { id, name, files } = workloadRun!;
  await signInAsGuest(page);
  await page.goto(`/create/tasks/${id}`);
  await page.getByRole('link', { name: 'Download the rendered files' }).click();
  await expect(page).toHaveURL(
    new RegExp(`/aws-platform/rendered-files/${id}$`),
  );
  await expect(
    page.getByText(
      new RegExp(`^${files.length} files, a [0-9.]+ kB zip archive$`),
    ),
  ).toBeVisible();
  await expect(
    page.getByText(`infrastructure/applications/${name}/sandbox/staging.tf`),
  ).toBeVisible();
  await page.screenshot({
    path: 'docs/images/rendered-files.png',
    fullPage: true,
  });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Download ${name}.zip` }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${name}.zip`);
  const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
  const entries = Object.values(zip.files).filter(entry => !entry.dir);
  expect(entries.map(entry => entry.name).sort()).toEqual([...files].sort());
  expect(await zip.file('app/catalog-info.yaml')!.async('string')).toContain(
    `amazonaws.com/account-id: '${PRODUCTION}'`,
  );
});
