import { APIRequestContext, expect, Page } from '@playwright/test';

/** The backend of the portal under test (scripts/start-portal.sh). */
export const BACKEND =
  process.env.PLAYWRIGHT_BACKEND_URL ?? 'http://localhost:7007';

/** Signs in as guest at a desktop size, once the sidebar is there. */
export async function signInAsGuest(page: Page): Promise<void> {
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

/** A guest's Backstage token, as the sign-in page gets it. */
export async function guestToken(request: APIRequestContext): Promise<string> {
  const response = await request.get(
    `${BACKEND}/api/auth/guest/refresh?env=development`,
    { headers: { 'x-requested-with': 'XMLHttpRequest' } },
  );
  expect(response.ok()).toBe(true);
  return (await response.json()).backstageIdentity.token;
}

/** Opens a template's form with its fields filled (the scaffolder's ?formData=). */
export async function openTemplate(
  page: Page,
  name: string,
  values: object,
): Promise<void> {
  const formData = encodeURIComponent(JSON.stringify(values));
  await page.goto(`/create/templates/default/${name}?formData=${formData}`);
}
