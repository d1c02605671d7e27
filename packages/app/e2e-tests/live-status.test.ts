import { expect, Page, test } from '@playwright/test';
import { signInAsGuest } from './portal';

// The cards' live sections against the portal on the seeded reference estate
// (scripts/test-all.sh starts it). Entity names are deterministic: the
// estate's ids are (packages/local-aws), and the ingestion names clusters
// `<cluster>-<account>-<region>` and zones `<zone>-<hash of the zone id>`.
const PRODUCTION_CLUSTER =
  '/catalog/default/resource/acme-production-v1-715451680876-us-east-1';
const SANDBOX_ZONE = '/catalog/default/resource/sandbox-example-com-73e8da0e';

/** Opens an entity page, reloading until the ingestion has brought the entity in. */
async function openEntity(page: Page, path: string, cardText: string) {
  const card = page.locator('.MuiCard-root').filter({ hasText: cardText });
  await expect(async () => {
    await page.goto(path);
    await expect(card).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });
  return card;
}

test('the production cluster’s card shows its node groups read live from EKS', async ({
  page,
}) => {
  await signInAsGuest(page);
  const card = await openEntity(
    page,
    PRODUCTION_CLUSTER,
    'Managed node groups',
  );

  const live = card.locator('section', { hasText: 'Live from AWS' });
  const nodegroups = live.getByRole('table', { name: 'Node groups' });
  await expect(nodegroups).toBeVisible();
  await expect(
    nodegroups.getByRole('row', {
      name: /acme-production-v1-general-us-east-1a .*ACTIVE 2 \(1–3\)/,
    }),
  ).toBeVisible();
  await expect(
    live.getByText(/Read from AWS at \d\d:\d\d:\d\d UTC/),
  ).toBeVisible();
  // The emulator serves neither EKS add-ons nor upgrade insights.
  await expect(
    live.getByText(
      'Not shown: this AWS endpoint does not serve eks:ListAddons.',
    ),
  ).toBeVisible();
});

test('the sandbox zone’s card checks its delegation live and finds the drift', async ({
  page,
}) => {
  await signInAsGuest(page);
  const card = await openEntity(page, SANDBOX_ZONE, 'Route 53 hosted zone');

  const live = card.locator('section', { hasText: 'Delegation checked now' });
  await expect(
    live.getByText(
      /example\.com's NS record for sandbox\.example\.com does not match/,
    ),
  ).toBeVisible();
  await expect(
    live
      .getByRole('list', { name: 'Remove from the parent' })
      .getByText('ns-9999.awsdns-99.net'),
  ).toBeVisible();
});
