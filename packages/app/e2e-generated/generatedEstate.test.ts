import { expect, Page, test } from '@playwright/test';
import { ACCOUNT_ROLES } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { generateEstatePlan } from '@internal/local-aws';
import { signInAsGuest } from '../e2e-tests/portal';

// The portal on an estate generated from a seed (packages/local-aws
// seed/generated), started by scripts/screenshots-generated.sh: named after
// another company, nested OUs, no role tags, Identity Center. The map must
// show every account in its OU with the role the plan meant, and the access
// review exactly the seeded problems; then the README's screenshots of a
// larger, nested estate are taken.

const plan = generateEstatePlan(Number(process.env.LOCAL_AWS_ESTATE_SEED ?? 3));
const accountCount = plan.accounts.length + 1; // + management
const ouCount = plan.ouPaths.length + 1; // + root

async function openTab(page: Page, name: string) {
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'AWS Platform' })
    .click();
  await page.getByRole('tab', { name }).click();
}

test('the map shows a generated organization by its nested OUs and recognised roles', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signInAsGuest(page);
  await openTab(page, 'Account map');
  const map = page.getByRole('region', { name: 'Map of the AWS organization' });
  const summary = `${accountCount} accounts in ${ouCount} organizational units`;
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(summary)).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 180_000 });

  for (const account of plan.accounts) {
    const role = ACCOUNT_ROLES[account.role].title;
    await expect(
      map.getByRole('link', {
        name: new RegExp(`^${account.name}, ${role} account `),
      }),
    ).toBeVisible();
  }
  // Each OU is a box named after it with the accounts it holds, nested
  // ones included: `Prod, 2 accounts`.
  const labels = new Map<string, number>();
  for (const path of plan.ouPaths) {
    const held = plan.accounts.filter(
      a => a.ouPath === path || a.ouPath.startsWith(`${path}/`),
    ).length;
    const label = `${path.split('/').pop()}, ${held} account${
      held === 1 ? '' : 's'
    }`;
    labels.set(label, (labels.get(label) ?? 0) + 1);
  }
  for (const [label, count] of labels) {
    await expect(
      map.getByRole('group', { name: label, exact: true }),
    ).toHaveCount(count);
  }
  // Tall enough for the map (100vh less the header) to hold every OU.
  await page.setViewportSize({ width: 1600, height: 1900 });
  await expect(
    map.getByRole('group', { name: /^Quarantine, |^Suspended, |^Closed, / }),
  ).toBeInViewport();
  const box = (await map.boundingBox())!;
  await page.screenshot({
    path: 'docs/images/account-map-generated.png',
    clip: {
      x: 0,
      y: 0,
      width: 1600,
      height: Math.ceil(box.y + box.height + 24),
    },
  });
});

test('the access review flags exactly the problems seeded in Identity Center', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signInAsGuest(page);
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Access' })
    .click();
  const seeded = plan.problems.filter(problem => problem.review === 'access');
  const summary = page
    .getByRole('status')
    .filter({ hasText: / assignments?, / });
  // One row per assignment, and one for the permission set used nowhere.
  const rows = plan.identityCenter.assignments.length + 1;
  await expect(async () => {
    await page.reload();
    await expect(summary).toHaveText(
      `${rows} assignments, ${seeded.length} flagged`,
      { timeout: 5_000 },
    );
  }).toPass({ timeout: 180_000 });
  await page.getByText('Only flagged').click();
  const table = page.getByRole('grid');
  for (const problem of seeded) {
    // People are shown by their display names, groups by theirs.
    let text = problem.permissionSet;
    if (problem.kind === 'direct-user') {
      text = plan.identityCenter.users[problem.principal];
    } else if ('principal' in problem) {
      text = problem.principal;
    }
    await expect(
      table.getByRole('row').filter({ hasText: text }).first(),
    ).toBeVisible();
  }
  await page.screenshot({ path: 'docs/images/access-review-generated.png' });
});
