import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';

// The nine accounts of the seeded reference organization (packages/local-aws).
const SEEDED_ACCOUNTS = [
  'Log Archive',
  'Audit',
  'Identity',
  'Operations',
  'Network',
  'Backup',
  'Production',
  'Sandbox',
];

test('a guest opens the AWS Platform page and sees the seeded organization', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: 'AWS Platform' }).click();
  await expect(page).toHaveURL(/\/aws-platform$/);

  // The catalog ingests on start-up; the page shows what has arrived.
  await expect(async () => {
    await page.reload();
    await expect(
      page.getByText('9 accounts in 4 organizational units'),
    ).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 120_000 });

  for (const name of SEEDED_ACCOUNTS) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }
  // The seeded imperfections show: Audit has no owner tag; Sandbox's
  // delegation drifts, it has no backup plan and runs EKS 1.28.
  const row = (name: string) =>
    page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name, exact: true }) });
  await expect(row('Audit').getByText('No owner tag')).toBeVisible();
  for (const finding of [
    'DNS delegation drift',
    'No backup copy',
    'EKS past support',
  ]) {
    await expect(row('Sandbox').getByText(finding)).toBeVisible();
  }
  await expect(
    row('Production').getByText('DNS 1 · EKS 1 · Vaults 1 · Plans 1'),
  ).toBeVisible();

  await page.screenshot({
    path: 'docs/images/aws-platform-accounts.png',
    fullPage: true,
  });
});

test('a guest follows an account to its cluster and zone cards and reviews ownership', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();

  const openAwsPlatform = async () => {
    await page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'AWS Platform' })
      .click();
    await expect(page).toHaveURL(/\/aws-platform$/);
  };
  await openAwsPlatform();
  // The catalog ingests on start-up: wait until the resources are in too.
  await expect(async () => {
    await page.reload();
    await expect(
      page
        .getByRole('row')
        .filter({
          has: page.getByRole('link', { name: 'Sandbox', exact: true }),
        })
        .getByText('EKS past support'),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });

  // The Production account's card: role, OU, owner and what runs in it.
  await page.getByRole('link', { name: 'Production', exact: true }).click();
  const accountCard = page
    .locator('.MuiCard-root')
    .filter({ hasText: 'What runs in this account' });
  await expect(accountCard).toBeVisible();
  await expect(
    accountCard
      .getByText(/Production workloads on a Flightdeck EKS cluster/)
      .first(),
  ).toBeVisible();
  await expect(accountCard.getByText('Root/Workloads')).toBeVisible();
  await expect(
    accountCard.getByRole('link', { name: /Account in AWS Organizations/ }),
  ).toBeVisible();
  await expect(
    accountCard
      .getByRole('list', { name: 'EKS clusters' })
      .getByRole('link', { name: /acme-production-v1/ }),
  ).toBeVisible();
  await expect(
    accountCard
      .getByRole('list', { name: 'DNS zones' })
      .getByRole('link', { name: /production\.example\.com/ }),
  ).toBeVisible();
  await accountCard.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/images/aws-account-card.png' });

  // Sandbox's cluster runs a Kubernetes version past EKS support.
  await openAwsPlatform();
  await page.getByRole('link', { name: 'Sandbox', exact: true }).click();
  const sandboxCard = page
    .locator('.MuiCard-root')
    .filter({ hasText: 'What runs in this account' });
  await sandboxCard
    .getByRole('list', { name: 'EKS clusters' })
    .getByRole('link', { name: /acme-sandbox-v1/ })
    .click();
  const clusterCard = page
    .locator('.MuiCard-root')
    .filter({ hasText: 'Managed node groups' });
  await expect(clusterCard.getByText('Past support')).toBeVisible();
  await expect(
    clusterCard.getByText(/Kubernetes 1\.28 is past EKS support/),
  ).toBeVisible();
  await expect(
    clusterCard.getByText(/Flightdeck · stage sandbox/),
  ).toBeVisible();
  await clusterCard.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/images/eks-cluster-card.png' });

  // Sandbox's zone: the parent's NS record has a server the zone lacks.
  await page.goBack();
  await sandboxCard
    .getByRole('list', { name: 'DNS zones' })
    .getByRole('link', { name: /sandbox\.example\.com/ })
    .click();
  const zoneCard = page
    .locator('.MuiCard-root')
    .filter({ hasText: 'Route 53 hosted zone' });
  await expect(
    zoneCard.getByText(
      /Delegation drift between example\.com and sandbox\.example\.com/,
    ),
  ).toBeVisible();
  await expect(
    zoneCard
      .getByRole('list', { name: 'Name servers to remove from the parent' })
      .getByText('ns-9999.awsdns-99.net'),
  ).toBeVisible();
  await expect(
    zoneCard.getByRole('link', { name: 'example.com', exact: true }),
  ).toBeVisible();
  await zoneCard.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/images/dns-zone-card.png' });

  // The ownership review, linked from the AWS Platform page: Audit names
  // no owner in its tags.
  await openAwsPlatform();
  await page.getByRole('link', { name: 'Ownership review' }).click();
  await expect(page).toHaveURL(/\/aws-platform\/ownership$/);
  const accountRow = (name: string) =>
    page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name, exact: true }) })
      .filter({ hasText: 'AWS account' });
  await expect(accountRow('Audit').getByText('Owner not tagged')).toBeVisible();
  await expect(
    accountRow('Production').getByRole('cell', { name: 'Tag', exact: true }),
  ).toBeVisible();

  await page.getByLabel('Only flagged').check();
  await expect(accountRow('Audit')).toBeVisible();
  await expect(accountRow('Production')).toHaveCount(0);
  await page.screenshot({ path: 'docs/images/ownership.png', fullPage: true });

  await page.getByLabel('Type').selectOption({ label: 'AWS account' });
  await expect(page.getByText('1 entity, 1 flagged')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await download;
  expect(csv.suggestedFilename()).toBe('aws-ownership-review.csv');
  const lines = readFileSync(await csv.path(), 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toBe(
    'Entity ref,Entity,Type,Account id,Account,Role,OU,Owner,Owner source,Flags',
  );
  expect(lines[1]).toMatch(
    /^resource:default\/audit-\d{12},Audit,aws-account,\d{12},Audit,audit,Root\/Security,group:default\/platform-team,default,owner-not-tagged$/,
  );
});
