/**
 * /admin/dashboard with known data: a new person with SMS only, signed in once with a Temporary
 * Access Pass, moves the tables by exactly that (the tenant server is shared by the tenant specs,
 * so the test reads the numbers before and asserts on the difference).
 */
import type { Dashboard } from '../../src/shared/dashboard';
import { expectNoAxeViolations } from '../fixtures/axe';
import { expect, test } from './fixtures';

test('the dashboard tables show the new SMS-only person and their sign-in, and match the sign-in log', async ({ admin }) => {
  const page = admin.page;
  const before = (await (await page.request.get('/api/admin/dashboard')).json()) as Dashboard;

  const tap = await admin.api.issueTap(`dash-${Date.now().toString(36)}`, { lifetimeInMinutes: 60 });
  expect((await page.request.put(`/api/admin/sms-methods/${tap.user.id}`, { data: { hasSms: true } })).ok()).toBe(true);
  await page.goto('/admin/dashboard');
  const signIn = await page.context().browser()!.newContext({ baseURL: new URL(page.url()).origin });
  try {
    const reply = await signIn.request.post('/api/authentication/temporary-access-pass', { data: { username: tap.user.username, code: tap.temporaryAccessPass } });
    expect(reply.ok()).toBe(true);
  } finally {
    await signIn.close();
  }
  // The day the server logged it (UTC), not this machine's date before: a run may straddle midnight.
  const [signedIn] = await admin.api.signInLog({ username: tap.user.username, ceremony: 'temporaryAccessPass', result: 'success', limit: '1' });
  const today = signedIn!.at.slice(0, 10);
  const tapBefore = before.signInsPerDay.find((day) => day.day === today)?.temporaryAccessPass ?? 0;

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Rollout dashboard' })).toBeVisible();
  const users = page.getByTestId('dashboard-users');
  await expect(users.getByRole('row', { name: /^Users/ }).getByRole('cell')).toHaveText(String(before.users.total + 1));
  await expect(users.getByRole('row', { name: /Without a passkey/ }).getByRole('cell')).toHaveText(String(before.users.withoutPasskey + 1));
  await expect(users.getByRole('row', { name: /Depending on SMS only/ }).getByRole('cell')).toHaveText(String(before.users.smsOnly + 1));
  await expect(page.getByText(`Still depending on SMS:`)).toContainText(tap.user.username);

  const todayRow = page.getByTestId('dashboard-sign-ins').getByRole('row', { name: new RegExp(`^${today}`) });
  await expect(todayRow.getByRole('cell').nth(1)).toHaveText(String(tapBefore + 1));

  // The same numbers as the sign-in log.
  const log = await admin.api.signInLog({ limit: '500', result: 'success', ceremony: 'temporaryAccessPass' });
  const logToday = log.filter((entry) => entry.at.startsWith(today)).length;
  if (log.length < 500) await expect(todayRow.getByRole('cell').nth(1)).toHaveText(String(logToday));

  // Every chart is an image with a name, beside its table.
  await expect(page.getByRole('img', { name: /Successful sign-ins per day by method/ })).toBeVisible();
  const csv = await page.request.get('/api/admin/dashboard/export?table=users');
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toContain(`Depending on SMS only,${before.users.smsOnly + 1}`);

  await expectNoAxeViolations(page, '/admin/dashboard');
});
