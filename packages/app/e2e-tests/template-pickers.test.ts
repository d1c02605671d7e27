import { expect, test } from '@playwright/test';
import { openTemplate, signInAsGuest } from './portal';

// The templates' AWS pickers in the portal: the workload template's staging
// cluster and zone list only what the chosen staging account holds, entries
// read "Name (id)", and choosing another account drops a cluster it does
// not hold. The seeded estate has one Flightdeck cluster and one public
// zone in each of Sandbox and Production.

const SANDBOX = '171870262174';
const PRODUCTION = '715451680876';

test('The workload template’s cluster and zone pickers follow the chosen account', async ({
  page,
}) => {
  await signInAsGuest(page);
  await openTemplate(page, 'aws-flightdeck-workload', {
    name: 'pickers',
    owner: 'group:default/app-developers',
  });
  await page.getByRole('button', { name: 'Next' }).click();

  const account = page.getByLabel('Staging account');
  const cluster = page.getByLabel('Staging cluster');
  // Nothing to list until the account is chosen.
  await expect(cluster).toBeDisabled();
  await expect(
    page.getByText('Choose the account first: this lists its resources.'),
  ).toHaveCount(2);

  // Only workload accounts, as "Name (id)".
  await account.click();
  const accounts = page.getByRole('option');
  await expect(accounts).toHaveText(
    [`Production (${PRODUCTION})`, `Sandbox (${SANDBOX})`],
    { timeout: 30_000 },
  );
  await accounts.filter({ hasText: 'Sandbox' }).click();

  await cluster.click();
  await expect(page.getByRole('option')).toHaveText([
    'acme-sandbox-v1 (us-east-1)',
  ]);
  await page.getByRole('option').click();
  await page.getByLabel('Staging zone').click();
  await expect(page.getByRole('option')).toHaveText([
    /^sandbox\.example\.com \(\w+\)$/,
  ]);
  await page.getByRole('option').click();
  await page.screenshot({ path: 'docs/images/template-pickers.png' });

  // Another account: the Sandbox cluster is dropped, Production's is listed.
  await account.click();
  await page
    .getByRole('option', { name: `Production (${PRODUCTION})` })
    .click();
  await expect(cluster).toHaveValue('');
  await cluster.click();
  await expect(page.getByRole('option')).toHaveText([
    'acme-production-v1 (us-east-1)',
  ]);
});

test('Publishing is not offered where the scaffolder has no GitHub module', async ({
  page,
}) => {
  await signInAsGuest(page);
  await openTemplate(page, 'aws-flightdeck-workload', {
    name: 'pickers',
    owner: 'group:default/app-developers',
    stagingAccount: `resource:default/account-${SANDBOX}`,
    stagingCluster: `resource:default/acme-sandbox-v1-${SANDBOX}-us-east-1`,
    stagingZone: 'resource:default/sandbox-example-com-73e8da0e',
    productionAccount: `resource:default/account-${PRODUCTION}`,
    productionCluster: `resource:default/acme-production-v1-${PRODUCTION}-us-east-1`,
    productionZone: 'resource:default/production-example-com-26680fb7',
    // Asked for in the link: the field still turns it off.
    publish: true,
  });
  // Each page's first field shows once Next has accepted the one before,
  // and Next is pressed once its pickers show the prefilled zone, as a
  // person would: until then they are still reading the catalog.
  for (const [field, zone] of [
    ['Staging account', ['Staging zone', /^sandbox\.example\.com /]],
    ['Production account', ['Production zone', /^production\.example\.com /]],
    ['Also render the equivalent Terraform', undefined],
  ] as const) {
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByLabel(field)).toBeVisible();
    if (zone) await expect(page.getByLabel(zone[0])).toHaveValue(zone[1]);
  }
  const publish = page.getByLabel(
    'Publish the repository and register it in the catalog',
  );
  await expect(
    page.getByText(
      /^Not offered here: this Backstage has no publish:github action/,
    ),
  ).toBeVisible();
  await expect(publish).toBeDisabled();
  await expect(publish).not.toBeChecked();
  // Nor is its repository field, which only publishing asks for.
  await expect(page.getByText('Repository', { exact: true })).toHaveCount(0);
});
