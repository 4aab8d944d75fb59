/**
 * Runs once before the tenant specs: registers the tenant's admin through the UI (the tenant
 * server names it in ADMIN_USERNAMES) and saves its session, which the `admin` fixture reuses.
 */
import { expect, test } from '../fixtures';
import { ADMIN_STORAGE_STATE, TENANT_ADMIN } from './tenant-admin';

test('the tenant admin registers and is an admin', async ({ page, registerPage, rp }) => {
  await registerPage.open();
  await registerPage.createPasskey(TENANT_ADMIN, 'Tenant Admin');
  await expect(registerPage.passkeyReady).toBeVisible();
  expect((await rp.session())?.isAdmin).toBe(true);
  await page.context().storageState({ path: ADMIN_STORAGE_STATE });
});
