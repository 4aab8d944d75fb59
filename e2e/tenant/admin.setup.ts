/**
 * Runs once before the tenant specs: signs the tenant's admin in (the tenant server names it in
 * ADMIN_USERNAMES; the first account is the admin anyway) and saves its session, which the
 * `admin` fixture reuses. A session saved by an earlier run against the same, still running
 * server (reuseExistingServer, locally) is kept: the account exists there already.
 */
import fs from 'node:fs';
import { expect, test } from '../fixtures';
import { ADMIN_STORAGE_STATE, TENANT_ADMIN } from './tenant-admin';

test('the tenant admin registers and is an admin', async ({ page, playwright, baseURL, registerPage, rp }) => {
  if (fs.existsSync(ADMIN_STORAGE_STATE)) {
    const request = await playwright.request.newContext({ ...(baseURL ? { baseURL } : {}), storageState: ADMIN_STORAGE_STATE });
    const session = await request.get('/api/session');
    const stillAdmin = session.ok() && ((await session.json()) as { isAdmin?: boolean }).isAdmin === true;
    await request.dispose();
    if (stillAdmin) return;
  }
  await registerPage.open();
  await registerPage.createPasskey(TENANT_ADMIN, 'Tenant Admin');
  await expect(registerPage.passkeyReady).toBeVisible();
  expect((await rp.session())?.isAdmin).toBe(true);
  await page.context().storageState({ path: ADMIN_STORAGE_STATE });
});
