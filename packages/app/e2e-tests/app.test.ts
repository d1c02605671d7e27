import { expect, test } from '@playwright/test';
import { signInAsGuest } from './portal';
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
  await signInAsGuest(page);

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: 'AWS Platform' }).click();
  // The page opens on its first tab, the accounts table.
  await expect(page).toHaveURL(/\/aws-platform\/accounts$/);

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
  await signInAsGuest(page);

  const openAwsPlatform = async () => {
    await page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'AWS Platform' })
      .click();
    await expect(page).toHaveURL(/\/aws-platform\/accounts$/);
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
  await expect(
    accountRow('Audit').getByText('Medium: No owner tag'),
  ).toBeVisible();
  await expect(
    accountRow('Production').getByRole('cell', { name: 'Tagged', exact: true }),
  ).toBeVisible();

  await page.getByLabel('Only flagged').check();
  await expect(accountRow('Audit')).toBeVisible();
  await expect(accountRow('Production')).toHaveCount(0);
  // At 1,440 px the whole table shows: its last column (Flags) ends inside
  // the card that holds it.
  const table = page.getByRole('table');
  const overflow = await table.evaluate(element => {
    const card = element.closest('.MuiPaper-root') ?? document.body;
    return (
      element.getBoundingClientRect().right - card.getBoundingClientRect().right
    );
  });
  expect(overflow).toBeLessThanOrEqual(0);
  // And no name breaks inside a word ("Productio n", "Worklo ads"): each
  // word (to a hyphen) of every cell but the flags' reasons sits on one line.
  const brokenWords = await table.evaluate(element => {
    const broken: string[] = [];
    for (const row of element.querySelectorAll('tbody tr')) {
      for (const cell of [...row.querySelectorAll('td')].slice(0, -1)) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const word of node.textContent!.matchAll(/[^\s-]+-?/g)) {
            const range = document.createRange();
            range.setStart(node, word.index!);
            range.setEnd(node, word.index! + word[0].length);
            if (range.getClientRects().length > 1) broken.push(word[0]);
          }
        }
      }
    }
    return broken;
  });
  expect(brokenWords).toEqual([]);
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
    'Entity ref,Entity,Type,Account id,Account,Role,OU,Owner,Owner source,Ownership,Severity,Flags,Reasons',
  );
  expect(lines[1]).toMatch(
    /^resource:default\/account-\d{12},Audit,aws-account,\d{12},Audit,audit,Root\/Security,group:default\/platform-team,default,default,medium,account-not-tagged,"No owner tag on the account: group:default\/platform-team is the default owner, chosen by nobody"$/,
  );

  // The search narrows the count (and so the export) like the filters.
  await page.getByLabel('Only flagged').uncheck();
  await page.getByLabel('Search entities').fill('audit');
  await expect(page.getByText('1 entity, 1 flagged')).toBeVisible();
  await page.getByLabel('Search entities').fill('production');
  await expect(page.getByText('1 entity, 0 flagged')).toBeVisible();
});

test('a guest opens the account map, reads the flows and follows an account', async ({
  page,
}) => {
  // Waits for the ingestion like the first test, then visits two pages more.
  test.setTimeout(180_000);
  await signInAsGuest(page);
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'AWS Platform' })
    .click();
  await page.getByRole('tab', { name: 'Account map' }).click();
  await expect(page).toHaveURL(/\/aws-platform\/map$/);
  // The map is a tab of the AWS Platform page: its item stays highlighted.
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .locator('a[aria-current="page"]'),
  ).toHaveText(['AWS Platform']);

  const map = page.getByRole('region', { name: 'Map of the AWS organization' });
  const tile = (name: string) =>
    map.getByRole('link', { name: new RegExp(`^${name},`) });
  // The catalog ingests on start-up: wait until the resources are in too.
  await expect(async () => {
    await page.reload();
    // The seeded imperfections the catalog reports once the resources are in.
    await expect(tile('Sandbox')).toHaveAccessibleName(
      /Needs attention: DNS delegation drift, .*EKS version past support$/,
      { timeout: 5_000 },
    );
  }).toPass({ timeout: 120_000 });
  await expect(
    page.getByText('9 accounts in 4 organizational units'),
  ).toBeVisible();

  // OUs as boxes, the nine accounts, the guide's flows between them.
  for (const ou of ['Security', 'Shared', 'Workloads']) {
    await expect(
      map.getByRole('button', { name: new RegExp(`^${ou}`) }),
    ).toHaveAttribute('aria-expanded', 'true');
  }
  for (const name of SEEDED_ACCOUNTS) {
    await expect(tile(name)).toBeVisible();
  }
  await expect(tile('Audit')).toHaveAccessibleName(/No owner tag$/);
  // At rest, one line per pair of OUs, labelled with its ends; no
  // account's own lines.
  await expect(map.locator('path[data-line="rest"]')).toHaveCount(6);
  await expect(map.locator('path[data-flow]')).toHaveCount(0);
  await expect(
    map.locator('text[data-line-label="rest"]', {
      hasText: /^2 accounts → Log Archive$/,
    }),
  ).toHaveCount(2);
  await expect(
    map.locator('text[data-line-label="rest"]', {
      // moto names the management account 'master'.
      hasText: /^master → 2 accounts$/,
    }),
  ).toHaveCount(2);

  // The search narrows the map, and clearing it brings everything back.
  await page.getByLabel('Search accounts').fill('prod');
  await expect(page.getByText('Showing 1 of 9 accounts')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(
    page.getByText('9 accounts in 4 organizational units'),
  ).toBeVisible();

  // Hovering Sandbox describes its flows in words and draws its own lines:
  // one to Log Archive, and Network's drifting delegation to it as broken.
  await tile('Sandbox').hover();
  const details = page.getByRole('region', { name: 'Account' });
  await expect(details.getByRole('heading', { name: 'Sandbox' })).toBeVisible();
  await expect(
    details.getByRole('listitem').filter({ hasText: 'Backup copies' }),
  ).toHaveText(/Backup copies to Backup/);
  await expect(
    map.locator('path[data-flow="ships-cloudtrail-to"]'),
  ).toHaveCount(1);
  await expect(
    map.locator('path[data-flow="delegates-dns-to"][stroke="#d32f2f"]'),
  ).toHaveCount(1);
  await page.screenshot({ path: 'docs/images/account-map.png' });

  // The keyboard reaches the tiles: from the root OU's header, past its
  // entity link, to the management account's tile.
  await map.getByRole('button', { name: /^Root/ }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(map.locator('[data-account-ref]').first()).toBeFocused();
  await expect(map.locator('[data-account-ref]').first()).toHaveAccessibleName(
    /, Management account \d{12},/,
  );

  // A click on a tile opens the account's entity page, whose Account map
  // tab opens on that account.
  await tile('Production').click();
  await expect(page).toHaveURL(/\/catalog\/default\/resource\/account-\d{12}$/);
  await expect(
    page
      .locator('.MuiCard-root')
      .filter({ hasText: 'What runs in this account' }),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Account map', exact: true }).click();
  await expect(page).toHaveURL(/\/account-map$/);
  await expect(tile('Production')).toHaveAttribute('tabindex', '0');
  await expect(
    page
      .getByRole('region', { name: 'Account' })
      .getByRole('heading', { name: 'Production' }),
  ).toBeVisible();
});

test('a guest lists the resources in the catalog, in columns that read', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog?filters%5Bkind%5D=resource');
  // The catalog ingests on start-up: wait until the clusters are in.
  const cluster = page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: 'acme-production-v1' }) });
  await expect(async () => {
    await page.reload();
    await expect(cluster).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });

  const headers = page.getByRole('columnheader');
  for (const title of ['Name', 'Type', 'Part of', 'Owner', 'Description']) {
    await expect(headers.filter({ hasText: title })).toHaveCount(1);
  }
  // Columns the suite's entities leave empty are gone.
  for (const title of ['System', 'Lifecycle', 'Tags']) {
    await expect(headers.filter({ hasText: title })).toHaveCount(0);
  }
  await expect(cluster.getByText('EKS cluster', { exact: true })).toBeVisible();
  await expect(
    cluster.getByRole('link', { name: 'Production', exact: true }),
  ).toBeVisible();
  // Names keep whole words: the name cell is about as wide as its link.
  const name = cluster.getByRole('link', { name: 'acme-production-v1' });
  const box = await name.boundingBox();
  expect(box!.height).toBeLessThan(30);

  await page.screenshot({
    path: 'docs/images/catalog-resources.png',
    fullPage: true,
  });
});

test('the account map reads in the dark theme', async ({ page }) => {
  await signInAsGuest(page);
  // The app's theme choice, as Settings > Appearance stores it.
  await page.evaluate(() => window.localStorage.setItem('theme', 'dark'));
  await page.goto('/aws-platform/map');
  const map = page.getByRole('region', { name: 'Map of the AWS organization' });
  const sandbox = map.getByRole('link', { name: /^Sandbox,/ });
  await expect(async () => {
    await page.reload();
    await expect(sandbox).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });

  // The role's name in the dark palette's tint, on the dark theme's paper:
  // the pair the palette's contrast test measures (7.1:1), where the light
  // palette's colour read at 2.2:1.
  const role = sandbox.locator('span[style*="color"]');
  await expect(role).toHaveText('Sandbox');
  await expect(role).toHaveCSS('color', 'rgb(255, 213, 79)');
  await expect(sandbox).toHaveCSS('background-color', 'rgb(66, 66, 66)');
  await page.screenshot({
    path: 'docs/images/account-map-dark.png',
    fullPage: true,
  });
});
