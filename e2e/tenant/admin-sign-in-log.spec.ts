/** /admin/sign-in-log: entries as words, filtered by username, ceremony and result. */
import { AdminSignInLogPage } from '../pages/admin-sign-in-log-page';
import { expect, test } from './fixtures';

test('the log filters by username, result and ceremony, and keeps the filters in the address', async ({ admin, passkeyUser, page }) => {
  // A refused attempt beside the successful registration: a wrong Temporary Access Pass.
  const refused = await page.request.post('/api/authentication/temporary-access-pass', { data: { username: passkeyUser.username, code: 'not-the-code' } });
  expect(refused.status()).toBe(401);

  const logPage = new AdminSignInLogPage(admin.page);
  await logPage.open();
  await expect(logPage.heading).toBeVisible();
  await logPage.filter({ username: passkeyUser.username });
  await expect(admin.page).toHaveURL(new RegExp(`\\?username=${passkeyUser.username}$`));
  await expect(logPage.entries).toHaveCount(2);
  // Newest first: the refusal, then the registration.
  await expect(logPage.cell(logPage.entries.nth(0), 'Result')).toContainText('Refused: tap_invalid');
  await expect(logPage.cell(logPage.entries.nth(0), 'Ceremony')).toHaveText('Temporary Access Pass sign-in');
  await expect(logPage.cell(logPage.entries.nth(1), 'Result')).toHaveText('Success');
  await expect(logPage.cell(logPage.entries.nth(1), 'Authenticator')).toContainText('Chromium virtual authenticator');

  await logPage.filter({ result: 'Failure (any refusal)' });
  await expect(logPage.entries).toHaveCount(1);
  await expect(logPage.cell(logPage.entries.first(), 'Result')).toContainText('Refused: tap_invalid');

  await logPage.filter({ result: 'Success', ceremony: 'Passkey sign-in' });
  await expect(logPage.count).toHaveText('No entry matches these filters.');
  await logPage.filter({ ceremony: 'Passkey registration' });
  await expect(logPage.entries).toHaveCount(1);
  await expect(logPage.cell(logPage.entries.first(), 'User')).toHaveText(passkeyUser.username);

  // The filters live in the address: reloading shows the same entries.
  await admin.page.reload();
  await expect(logPage.username).toHaveValue(passkeyUser.username);
  await expect(logPage.entries).toHaveCount(1);
  await logPage.clearFiltersButton.click();
  await expect(admin.page).toHaveURL(/\/admin\/sign-in-log$/);
});
