/**
 * /admin/rollout: the tenant date moves the tenant before and after 1 September 2026 and after
 * 1 February 2027; the page says what applies, and the campaign follows (docs/entra-2026.md).
 */
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';
import { expect, test } from './fixtures';

async function setTenantDate(page: Page, date: string) {
  await page.getByLabel('Tenant date', { exact: true }).fill(date);
  await page.getByRole('button', { name: 'Save tenant date' }).click();
  await expect(page.getByTestId('tenant-today')).toHaveText(date);
}

test.afterEach(async ({ admin }) => {
  // Back to today and no opt-out, whatever the test did: the other specs live on the real date.
  const reply = await admin.page.request.patch('/api/admin/rollout', { data: { tenantDate: null, optOutSettings: { passkeyDynamicMigration: false } } });
  expect(reply.ok()).toBe(true);
});

test('the timeline before and after 1 September 2026 and after 1 February 2027, with the campaign following', async ({ admin }) => {
  const page = admin.page;
  const tap = await admin.api.issueTap(`sms-${Date.now().toString(36)}`, { lifetimeInMinutes: 60 });
  const mark = await page.request.put(`/api/admin/sms-methods/${tap.user.id}`, { data: { hasSms: true } });
  expect(mark.ok()).toBe(true);

  await page.goto('/admin/rollout');
  await expect(page.getByRole('heading', { level: 1, name: 'Rollout timeline' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: `SMS for ${tap.user.username}` })).toBeChecked();

  await setTenantDate(page, '2026-08-31');
  await expect(page.getByTestId('rollout-phase')).toHaveText('Before passkeys by default');
  await expect(page.getByTestId('milestone-passkeysByDefault')).toContainText('Not yet');
  await expect(page.getByTestId('milestone-passkeysByDefault')).toContainText('in 1 day');
  await expect(page.getByTestId('rules-now')).toContainText('Nothing has changed yet');
  await expect(page.getByTestId('campaign-now')).toContainText('off until 1 September 2026');
  await expectNoAxeViolations(page, '/admin/rollout before 1 September 2026');

  await setTenantDate(page, '2026-09-01');
  await expect(page.getByTestId('rollout-phase')).toHaveText('Passkeys by default');
  await expect(page.getByTestId('milestone-passkeysByDefault')).toContainText('Reached');
  await expect(page.getByTestId('rules-now')).toContainText('Users with SMS are enabled for passkeys');
  await expect(page.getByTestId('campaign-now')).toContainText('Microsoft managed');

  // The person with SMS only is nudged, with unlimited snoozes.
  const context = await page.context().browser()!.newContext({ baseURL: new URL(page.url()).origin });
  try {
    const signIn = await context.request.post('/api/authentication/temporary-access-pass', { data: { username: tap.user.username, code: tap.temporaryAccessPass } });
    expect(signIn.ok()).toBe(true);
    expect(await (await context.request.get('/api/registration-campaign')).json()).toMatchObject({ nudge: true, reason: 'microsoftManaged', snoozesLeft: null });

    // Opting out delays it.
    await page.getByRole('checkbox', { name: /Opt out of passkeys by default/ }).check();
    await page.getByRole('button', { name: 'Save tenant date' }).click();
    await expect(page.getByTestId('rules-now')).toContainText('opted out');
    expect(await (await context.request.get('/api/registration-campaign')).json()).toMatchObject({ nudge: false });

    await setTenantDate(page, '2027-02-01');
    await expect(page.getByTestId('rollout-phase')).toHaveText('SMS and voice retired');
    await expect(page.getByTestId('rules-now')).toContainText('opt-out no longer applies');
    const blocking = await (await context.request.get('/api/registration-campaign')).json();
    expect(blocking).toMatchObject({ nudge: true, reason: 'smsRetired', mustRegister: true });
    const snooze = await context.request.post('/api/registration-campaign/snooze', { headers: { origin: new URL(page.url()).origin } });
    expect(snooze.status()).toBe(409);
    expect((await snooze.json()).error.code).toBe('sms_retired');
  } finally {
    await context.close();
  }
  await expectNoAxeViolations(page, '/admin/rollout after 1 February 2027');
});
