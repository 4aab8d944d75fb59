import { expect, test } from './fixtures';

test('signing out ends the session and protects the account page', async ({ page, passkeyUser, authenticator, accountPage, signInPage, rp }) => {
  await accountPage.open();
  await expect(accountPage.signedInAs(passkeyUser.username)).toBeVisible();

  // Sign-out lands on /sign-in, whose autofill would sign straight back in with the passkey on
  // the authenticator. Nobody touches the authenticator from now on, so it cannot (the setting
  // applies to requests started after this call).
  await authenticator.setPresence(false);
  await accountPage.signOut();

  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(signInPage.status).toContainText('You are signed out.');
  await expect(accountPage.signedInAs(passkeyUser.username)).toBeHidden();
  expect(await rp.session()).toBeNull();

  // The account page sends a signed-out visitor to sign in: this browser (which keeps the
  // anonymous session /sign-in's autofill asked for), then one that never signed in (no cookie
  // at all; this was a test of its own, which paid for a whole browser context and page).
  await accountPage.open();
  await expect(page).toHaveURL(/\/sign-in\?redirect=(%2F|\/)account$/);
  await expect(signInPage.signInWithPasskeyButton).toBeVisible();

  await page.context().clearCookies();
  await accountPage.open();
  await expect(page).toHaveURL(/\/sign-in\?redirect=(%2F|\/)account$/);
  await expect(signInPage.signInWithPasskeyButton).toBeVisible();
});
