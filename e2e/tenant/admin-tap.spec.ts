/** /admin/temporary-access-pass: a pass is issued, its code shown once, and it works. */
import { AdminTapPage } from '../pages/admin-tap-page';
import { expect, test } from './fixtures';

test('the admin issues a pass and sees the code once; the code signs the person in', async ({ admin, username, playwright, baseURL }) => {
  const tapPage = new AdminTapPage(admin.page);
  await tapPage.open();
  await expect(tapPage.heading).toBeVisible();
  await expect(tapPage.lifetime).toHaveValue('60');
  await expect(tapPage.length).toHaveValue('8');

  await tapPage.issuePass(username, { lifetimeInMinutes: 30, oneTimeUse: true, length: 12 });
  await expect(tapPage.issued).toBeVisible();
  await expect(tapPage.issued).toContainText('it will not be shown again');
  await expect(tapPage.issued).toContainText('30 minutes');
  await expect(tapPage.issued).toContainText('One sign-in only');
  const code = (await tapPage.code.innerText()).trim();
  expect(code).toHaveLength(12);
  await expect(tapPage.passesOf(username)).toContainText('Active');

  // The code on the screen is the real one: someone else's browser signs in with it.
  const person = await playwright.request.newContext({ ...(baseURL ? { baseURL } : {}) });
  const signIn = await person.post('/api/authentication/temporary-access-pass', { data: { username, code } });
  expect(signIn.status()).toBe(200);
  await person.dispose();

  // Leaving and coming back: the code is gone for good; the list shows the pass was used.
  await tapPage.open();
  await expect(tapPage.issued).toBeHidden();
  await expect(admin.page.getByText(code)).toHaveCount(0);
  await expect(tapPage.passesOf(username)).toContainText('Used');
});

test('out-of-range settings are explained before anything is sent', async ({ admin, username }) => {
  const tapPage = new AdminTapPage(admin.page);
  await tapPage.open();
  await tapPage.issuePass(username, { lifetimeInMinutes: 5, length: 49 });
  await expect(tapPage.lifetime).toHaveAccessibleDescription(/Use 10 to 43,200 minutes\./);
  await expect(tapPage.length).toHaveAccessibleDescription(/Use 8 to 48 characters\./);
  await expect(tapPage.issued).toBeHidden();
  await expect(tapPage.passesOf(username)).toHaveCount(0);
});
