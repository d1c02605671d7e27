import { expect, test } from '@playwright/test';

/*
 * In the app created by scripts/adoption-test.sh, from the README's steps
 * only, on the reference estate (whose catalog the script has already seen
 * hold the nine accounts): the AWS Platform page, its account map and an
 * account's card render. ADOPTION_FRONTEND says which frontend the app has:
 * `new` (discovered plugin, its own sidebar item) or `legacy` (the routes,
 * sidebar items and EntityPage cards of the README's legacy part).
 */
const legacy = process.env.ADOPTION_FRONTEND === 'legacy';

async function signInAsGuest(page) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'AWS Platform' }),
  ).toBeVisible();
}

test('the AWS Platform page, the account map and an account card render', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'AWS Platform' })
    .click();
  await expect(
    page.getByText('9 accounts in 4 organizational units'),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Production', exact: true }),
  ).toBeVisible();

  // The new system's page has the map as a tab; a legacy app mounts it as a
  // page of its own (the README's routes).
  if (legacy) await page.goto('/aws-platform/map');
  else await page.getByRole('tab', { name: 'Account map' }).click();
  await expect(page).toHaveURL(/\/aws-platform\/map$/);
  const map = page.getByRole('region', { name: 'Map of the AWS organization' });
  await expect(map.getByRole('link', { name: /^Production,/ })).toBeVisible();

  await page.goBack();
  await page.getByRole('link', { name: 'Production', exact: true }).click();
  // The account card (matched by its text: a legacy app's production build
  // does not keep MUI's class names).
  await expect(page.getByText('What runs in this account')).toBeVisible();
  await expect(
    page.getByText('Root/Workloads', { exact: true }).first(),
  ).toBeVisible();
  if (legacy) {
    await expect(
      page.getByRole('tab', { name: 'Account map', exact: true }),
    ).toBeVisible();
  }
});
