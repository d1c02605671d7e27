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
  // The Audit account carries no owner tag: the page flags it.
  await expect(page.getByText('No owner tag').first()).toBeVisible();

  await page.screenshot({
    path: 'docs/images/aws-platform-accounts.png',
    fullPage: true,
  });
});
