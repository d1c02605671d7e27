import { expect, test } from '@playwright/test';
import { BACKEND, guestToken, signInAsGuest } from './portal';

// The example service of the local catalog (examples/storefront.yaml), as
// the New Flightdeck workload template writes it: staging in Sandbox,
// production in Production, depending on their accounts, clusters and zones.
const STOREFRONT = '/catalog/default/component/storefront';
const SANDBOX = '171870262174';
const PRODUCTION = '715451680876';
const PRODUCTION_CLUSTER = `acme-production-v1-${PRODUCTION}-us-east-1`;

const SUPPORT_LABELS: Record<string, string> = {
  standard: 'Standard support',
  extended: 'Extended support',
  unsupported: 'Past support',
  unknown: 'Support unknown',
};

test('a developer reads where a service runs in AWS on its page, above the relations graph, and follows it to the cluster', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  await signInAsGuest(page);
  await page.goto(STOREFRONT);

  const card = page.getByRole('article').filter({
    has: page.getByRole('heading', { name: 'Where it runs in AWS' }),
  });
  // The catalog ingests the estate on start-up: wait until the clusters and
  // zones the service depends on are in.
  await expect(async () => {
    await page.reload();
    await expect(
      card.getByText('2 stages · 2 EKS clusters · 2 DNS zones'),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });

  // Two stages, in the order the catalog file lists them, named by the
  // service's links to its hosts.
  const stages = card.getByRole('region', { name: /stage$/ });
  await expect(stages).toHaveCount(2);
  expect(
    await stages.evaluateAll(sections =>
      sections.map(section => section.getAttribute('aria-label')),
    ),
  ).toEqual(['Staging stage', 'Production stage']);
  await expect(card.getByText('Owner: app-developers')).toBeVisible();

  // Staging: the Sandbox account with its id, a cluster past EKS support,
  // the host in the Sandbox zone, whose delegation drifts, and no backup.
  const staging = card.getByRole('region', { name: 'Staging stage' });
  await expect(
    staging.getByRole('link', { name: `Sandbox (${SANDBOX})`, exact: true }),
  ).toBeVisible();
  await expect(
    staging.getByText('acme-sandbox-v1 · Kubernetes 1.28 · Past support'),
  ).toBeVisible();
  await expect(
    staging.getByRole('link', { name: 'storefront.sandbox.example.com' }),
  ).toHaveAttribute('href', 'https://storefront.sandbox.example.com');
  await expect(staging.getByText('sandbox.example.com · Drift')).toBeVisible();
  await expect(
    staging.getByText(
      "example.com's NS record does not match the zone's name servers, so some lookups of its hosts fail",
    ),
  ).toBeVisible();
  await expect(
    staging.getByText('Not backed up', { exact: true }),
  ).toBeVisible();

  // Production: the Production account with its id, its cluster with the
  // support state the catalog holds for it (it depends on today's date),
  // a delegation in sync, and the account's backup plan (not listed in
  // dependsOn: found by the account id), daily, copied to Backup.
  const token = await guestToken(request);
  const cluster = await (
    await request.get(
      `${BACKEND}/api/catalog/entities/by-name/resource/default/${PRODUCTION_CLUSTER}`,
      { headers: { Authorization: `Bearer ${token}` } },
    )
  ).json();
  const support = SUPPORT_LABELS[cluster.spec.cluster.versionSupport.status];
  const production = card.getByRole('region', { name: 'Production stage' });
  await expect(
    production.getByRole('link', {
      name: `Production (${PRODUCTION})`,
      exact: true,
    }),
  ).toBeVisible();
  await expect(
    production.getByText(`acme-production-v1 · Kubernetes 1.33 · ${support}`),
  ).toBeVisible();
  await expect(
    production.getByRole('link', { name: 'storefront.production.example.com' }),
  ).toBeVisible();
  await expect(
    production.getByText('production.example.com · In sync'),
  ).toBeVisible();
  await expect(
    production.getByText(/^Backed up daily, copied to the Backup account/),
  ).toBeVisible();

  // The card sits above the relations graph.
  const graph = page
    .getByRole('article')
    .or(page.locator('.MuiCard-root'))
    .filter({ has: page.getByRole('heading', { name: 'Relations' }) })
    .first();
  await expect(graph).toBeVisible();
  const cardBox = await card.boundingBox();
  const graphBox = await graph.boundingBox();
  expect(cardBox!.y + cardBox!.height).toBeLessThanOrEqual(graphBox!.y);

  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/images/aws-service-card.png' });

  // The path goes on: the cluster's own card, with its support state.
  await staging.getByRole('link', { name: 'acme-sandbox-v1' }).click();
  await expect(page).toHaveURL(
    new RegExp(
      `/catalog/default/resource/acme-sandbox-v1-${SANDBOX}-us-east-1$`,
    ),
  );
  await expect(
    page.getByText(/Kubernetes 1\.28 is past EKS support/),
  ).toBeVisible();
});
