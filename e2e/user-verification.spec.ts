import { expect, test } from './fixtures';

const notVerified = 'was cancelled or could not verify you';

test('a failed user verification at sign-in shows its message', async ({ page, passkeyUser, authenticator, autofill, signInPage, rp }) => {
  await rp.signOut();
  await autofill.withoutAutofill(() => signInPage.open());
  // The PIN / fingerprint check fails from now on.
  await authenticator.setUserVerified(false);

  await signInPage.signInWithPasskey();

  await expect(signInPage.error).toContainText(notVerified);
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await rp.session()).toBeNull();
  // Nothing was signed: the passkey is still there for a next try.
  expect(await authenticator.credential(passkeyUser.passkey.id)).toBeDefined();
});

test('a failed user verification at registration shows its message', async ({ authenticator, registerPage, rp, username }) => {
  await authenticator.setUserVerified(false);
  await registerPage.open();
  await registerPage.createPasskey(username);

  await expect(registerPage.error).toContainText(notVerified);
  await expect(registerPage.passkeyReady).toBeHidden();
  expect(await rp.session()).toBeNull();
  expect(await authenticator.credentials()).toHaveLength(0);
});
