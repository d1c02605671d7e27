#!/usr/bin/env node
/**
 * Waits until the catalog of the adoption test's app holds the reference
 * estate's accounts: signs in as guest, as the sign-in page does, and lists
 * the `aws-account` resources until there are as many as expected or the
 * time is up.
 *
 *   node scripts/lib/adoption-catalog.mjs <backend url> <accounts> <seconds>
 */

async function guestToken(backend) {
  const response = await fetch(
    `${backend}/api/auth/guest/refresh?env=development`,
    { headers: { 'x-requested-with': 'XMLHttpRequest' } },
  );
  if (!response.ok) {
    throw new Error(`guest sign-in answered ${response.status}`);
  }
  return (await response.json()).backstageIdentity.token;
}

async function accountNames(backend, token) {
  const url = new URL(`${backend}/api/catalog/entities/by-query`);
  url.searchParams.append('filter', 'kind=resource,spec.type=aws-account');
  url.searchParams.append('fields', 'metadata.name,metadata.title');
  url.searchParams.append('limit', '1000');
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`the catalog answered ${response.status}`);
  const { items } = await response.json();
  return items.map(e => e.metadata.title ?? e.metadata.name);
}

async function main([backend, expectedText, secondsText]) {
  const expected = Number(expectedText);
  const deadline = Date.now() + Number(secondsText) * 1000;
  if (!backend || !Number.isInteger(expected) || !(deadline > Date.now())) {
    throw new Error(
      'usage: adoption-catalog.mjs <backend url> <accounts> <seconds>',
    );
  }
  const token = await guestToken(backend);
  let names = [];
  while (Date.now() < deadline) {
    names = await accountNames(backend, token);
    if (names.length >= expected) {
      console.log(
        `adoption-catalog: ${names.length} accounts: ${names
          .sort()
          .join(', ')}`,
      );
      return names.length === expected ? 0 : 1;
    }
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
  console.error(
    `adoption-catalog: ${names.length} of ${expected} accounts after ${secondsText} s`,
  );
  return 1;
}

main(process.argv.slice(2)).then(
  code => process.exit(code),
  error => {
    console.error(`adoption-catalog: ${error.message}`);
    process.exit(1);
  },
);
