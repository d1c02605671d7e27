import { expect, test } from '@playwright/test';

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
