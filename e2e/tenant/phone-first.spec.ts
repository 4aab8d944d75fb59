/**
 * Phone first and keyboard true on the tenant's screens (issue 13): after a Temporary Access Pass
 * sign-in on a 360×740 phone, "Create your passkey" is on the first screen and its button is
 * there at once; the admin forms' validation errors take focus on their field, tied to it.
 */
import { expectInView, expectOnFirstScreen, PHONE_VIEWPORT } from '../fixtures/viewport';
import { AdminConditionalAccessPage } from '../pages/admin-conditional-access-page';
import { AdminFrame } from '../pages/admin-frame';
import { AdminPolicyPage } from '../pages/admin-policy-page';
import { AdminTapPage } from '../pages/admin-tap-page';
import { AdminUsersPage } from '../pages/admin-users-page';
import { expect, test } from './fixtures';

test.use({ viewport: PHONE_VIEWPORT });

test('after a pass sign-in on a phone, "Create your passkey" is on the first screen and its button does not wait', async ({
  page,
  admin,
  signInPage,
  accountPage,
  authenticator,
  authenticators,
  username,
}) => {
  const issued = await admin.api.issueTap(username);
  await page.goto('/sign-in?with=temporary-access-pass');
  await signInPage.signInWithTemporaryAccessPass(username, issued.temporaryAccessPass);
  await expect(page).toHaveURL(/\/account$/);

  await expectOnFirstScreen(accountPage.passkeySetup.getByRole('heading', { name: 'Create your passkey' }), PHONE_VIEWPORT.height);
  // Offered while the browser is still asked to create one automatically (that gives up after 3 s).
  await expect(accountPage.createPasskeyButton).toBeVisible({ timeout: 1_000 });
  await expect(accountPage.passkeySetup.getByText('Asking your browser to create a passkey')).toBeVisible();
  await expectOnFirstScreen(accountPage.createPasskeyButton, PHONE_VIEWPORT.height);

  // Pressed before the automatic attempt ended: that one is stopped, this one creates the passkey.
  const added = authenticators.nextCredentialAdded(authenticator);
  await accountPage.createFirstPasskey();
  await added;
  await expect(accountPage.statusMessage('you no longer need the Temporary Access Pass')).toBeFocused();
  await expect(accountPage.passkeys).toHaveCount(1);
});

test('the admin forms focus their first invalid field, its message tied to it', async ({ admin, username }) => {
  const users = new AdminUsersPage(admin.page);
  await users.open();
  await users.createGroup('   ');
  await expect(users.groupName).toBeFocused();
  await expect(users.groupName).toHaveAccessibleDescription(/Enter a group name\./);

  const passes = new AdminTapPage(admin.page);
  await passes.open();
  await passes.issuePass('', { lifetimeInMinutes: 5 });
  await expect(passes.username).toBeFocused();
  await expect(passes.username).toHaveAccessibleDescription(/Enter a username\./);
  await passes.issuePass(username, { lifetimeInMinutes: 5 });
  await expect(passes.lifetime).toBeFocused();
  await expect(passes.lifetime).toHaveAccessibleDescription(/Use 10 to 43,200 minutes\./);

  const policy = new AdminPolicyPage(admin.page);
  await policy.open();
  await policy.addAaguids('not-an-aaguid');
  await expect(policy.addAaguidsBox).toBeFocused();
  await expect(policy.addAaguidsBox).toHaveAccessibleDescription(/is not an AAGUID\./);

  const rule = new AdminConditionalAccessPage(admin.page);
  await rule.open();
  await rule.addAaguids('not-an-aaguid');
  await expect(rule.addAaguidsBox).toBeFocused();
  await expect(rule.addAaguidsBox).toHaveAccessibleDescription(/is not an AAGUID\./);
});

test('on a phone the admin links are one sideways row, the current one in view, the heading on the first screen', async ({ admin }) => {
  await admin.page.setViewportSize(PHONE_VIEWPORT);
  const policy = new AdminPolicyPage(admin.page);
  await policy.open();
  await expectOnFirstScreen(policy.heading, 200);
  // The last link is off the row's right edge; a tap there (after a swipe) opens its screen.
  await policy.adminLink('Recovery drill').click();
  const recovery = new AdminFrame(admin.page, admin.page.getByRole('heading', { level: 1, name: /I lost my phone/ }));
  await expectOnFirstScreen(recovery.heading, 240); // two lines on a phone
  const current = recovery.adminLink('Recovery drill');
  await expect(current).toHaveAttribute('aria-current', 'page');
  // Brought into the row's view on arrival, wholly inside the phone's width.
  await expectInView(current);
  const box = (await current.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
  // One row: the first and the last link share a line.
  const first = (await recovery.adminLink('Users and groups').boundingBox())!;
  expect(Math.abs(first.y - box.y)).toBeLessThan(2);
});
