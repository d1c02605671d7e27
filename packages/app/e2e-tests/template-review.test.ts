import { expect, Page, test } from '@playwright/test';
import { openTemplate, signInAsGuest } from './portal';

// The templates' Review step in the portal, as a person goes through it:
// the form is filled (its values come in through the scaffolder's own
// ?formData= query), Review runs the template plan-only in a task of its
// own and lists the AWS changes by account, Next is refused while a plan is
// refused, and Create makes the changes and lists them in the past tense.
// Names carry a per-run suffix, so the test can run again on one portal.

const SANDBOX = '171870262174';
const NETWORK = '454948083136';
const run = Date.now().toString(36);

/** Clicks Next until the Review page shows. */
async function goToReview(page: Page, pages: number) {
  for (let i = 0; i < pages; i++) {
    await page.getByRole('button', { name: 'Next' }).click();
  }
  await expect(page.getByText('The exact AWS changes')).toBeVisible();
}

const reviewOf = (page: Page, accountHeading: string) =>
  page.locator('section').filter({
    has: page.getByRole('heading', { name: accountHeading }),
  });

test('New delegated subdomain: the AWS changes step lists them by account, Create makes them', async ({
  page,
}) => {
  await signInAsGuest(page);
  const subdomain = `review-${run}`;
  await openTemplate(page, 'aws-delegated-subdomain', {
    subdomain,
    owner: 'group:default/app-developers',
    account: `resource:default/account-${SANDBOX}`,
  });
  await goToReview(page, 2);

  await expect(page.getByText('3 changes in 2 accounts')).toBeVisible({
    timeout: 60_000,
  });
  const sandbox = reviewOf(page, `Sandbox (${SANDBOX})`);
  await expect(sandbox.getByRole('listitem')).toHaveText([
    `Create public hosted zone ${subdomain}.example.com in account Sandbox (${SANDBOX})`,
    /^Tag the .* zone with owner/,
  ]);
  const network = reviewOf(page, `Network (${NETWORK})`);
  await expect(network.getByRole('listitem')).toHaveText([
    /^Create NS record .* in zone example.com .* of the Network account/,
  ]);
  await page.screenshot({
    path: 'docs/images/template-review.png',
    fullPage: true,
  });

  // Backstage's own review of the values, then Create.
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText('Changes made')).toBeVisible({
    timeout: 90_000,
  });
  await expect(
    page.getByText(
      `Created public hosted zone ${subdomain}.example.com in account Sandbox (${SANDBOX})`,
    ),
  ).toBeVisible();
  await expect(
    page.getByText(/^Created NS record .* of the Network account/),
  ).toBeVisible();
});

test('A refused plan says why, and Next stays refused', async ({ page }) => {
  await signInAsGuest(page);
  // The seeded Sandbox zone exists and was not made by the suite.
  await openTemplate(page, 'aws-delegated-subdomain', {
    subdomain: 'sandbox',
    owner: 'group:default/app-developers',
    account: `resource:default/account-${SANDBOX}`,
  });
  await goToReview(page, 2);

  await expect(
    page.getByText(/The changes were refused, nothing was changed/),
  ).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Review' }).click();
  // The field's own error, under it (the form lists it at the top too).
  await expect(page.locator('#root_awsChanges__error')).toHaveText(
    /The changes were refused: go back and change the request/,
  );
  await expect(page.getByRole('button', { name: 'Create' })).toHaveCount(0);
});
