import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { signInAsGuest } from './portal';

// The access review on the seeded estate: the portal ingests IAM Identity
// Center (app-config.yaml), whose seed holds twelve assignments and four
// problems (packages/local-aws/src/seed/identityCenter.ts): administrator
// access in production, a user assigned directly, a group with no members
// and a permission set provisioned nowhere.

test('the platform team reviews who can get into each account, and exports what it filtered', async ({
  page,
}) => {
  // Waits for the ingestion, as the map's test does.
  test.setTimeout(180_000);
  await signInAsGuest(page);
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Access' })
    .click();
  await expect(page).toHaveURL(/\/aws-platform\/access$/);
  // One sidebar item is highlighted: Access, not AWS Platform, whose path
  // holds the access review's.
  const sidebar = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(sidebar.locator('a[aria-current="page"]')).toHaveCount(1);
  await expect(sidebar.getByRole('link', { name: 'Access' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  const summary = page
    .getByRole('status')
    .filter({ hasText: / assignments?, / });
  await expect(async () => {
    await page.reload();
    await expect(summary).toHaveText('12 assignments, 4 flagged', {
      timeout: 5_000,
    });
  }).toPass({ timeout: 120_000 });

  const table = page.getByRole('grid');
  const row = (text: string) =>
    table.getByRole('row').filter({ hasText: text });
  await expect(row('aws-production-admins')).toContainText(
    'Administrator access in production',
  );
  await expect(row('Erin Contractor')).toContainText(
    'User assigned directly, not through a group',
  );
  await expect(row('aws-auditors')).toContainText('Group with no members');
  await expect(row('BillingAccess')).toContainText(
    'Permission set provisioned nowhere',
  );

  await page.getByText('Only flagged').click();
  await expect(summary).toHaveText('4 assignments, 4 flagged');
  await page.screenshot({ path: 'docs/images/access-review.png' });

  // The search narrows the rows, and the export holds exactly those.
  await page.getByRole('searchbox', { name: 'Search' }).fill('sandbox');
  await expect(summary).toHaveText('1 assignment, 1 flagged');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const lines = readFileSync(await (await download).path(), 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain('erin.contractor');
});
