/**
 * Phone first and keyboard true on the tenant's screens (issue 13): after a Temporary Access Pass
 * sign-in on a 360×740 phone, "Create your passkey" is on the first screen and its button is
 * there at once; the admin forms' validation errors take focus on their field, tied to it.
 */
import { expectOnFirstScreen, PHONE_VIEWPORT } from '../fixtures/viewport';
import { AdminConditionalAccessPage } from '../pages/admin-conditional-access-page';
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
