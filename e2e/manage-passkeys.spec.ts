import { checkLine, expect, test } from './fixtures';

test('rename a passkey', async ({ page, passkeyUser, accountPage, rp }) => {
  await accountPage.open();
  await accountPage.rename(passkeyUser.nickname, 'Work laptop');

  await expect(accountPage.status).toContainText('Work laptop');
  await expect(accountPage.passkey('Work laptop')).toBeVisible();
  await expect(accountPage.passkey(passkeyUser.nickname)).toHaveCount(0);
  expect((await rp.credential(passkeyUser.passkey.id))?.nickname).toBe('Work laptop');

  await page.reload();
  await expect(accountPage.passkey('Work laptop')).toBeVisible();
});

test('delete a passkey, after changing my mind once', async ({ passkeyUser, authenticator, accountPage, rp }) => {
  await accountPage.open();

  await accountPage.startDeleting(passkeyUser.nickname);
  await expect(accountPage.deleteDialog).toBeVisible();
  await accountPage.keepPasskey();
  await expect(accountPage.deleteDialog).toBeHidden();
  await expect(accountPage.passkey(passkeyUser.nickname)).toBeVisible();
  expect(await rp.credentials()).toHaveLength(1);

  await accountPage.delete(passkeyUser.nickname);
  await expect(accountPage.deleteDialog).toBeHidden();
  await expect(accountPage.status).toContainText(passkeyUser.nickname);
  await expect(accountPage.passkeys).toHaveCount(0);
  expect(await rp.credentials()).toHaveLength(0);
  // The page then tells the authenticator to forget it too (Signal API: signals.spec.ts).
  await expect.poll(() => authenticator.credential(passkeyUser.passkey.id)).toBeUndefined();
});

test('a passkey deleted elsewhere can no longer sign in', async ({ page, passkeyUser, authenticators, authenticator, autofill, signInPage, rp }) => {
  // Deleted from another browser (the API, not this page): this authenticator was not told, so
  // it still offers the passkey. (Deleting on this page's /account makes it forget: signals.spec.ts.)
  await rp.deleteCredential(passkeyUser.passkey.id);
  expect(await authenticator.credential(passkeyUser.passkey.id)).toBeDefined();
  await rp.signOut();

  await autofill.withoutAutofill(() => signInPage.open());
  const asserted = authenticators.nextCredentialAsserted(authenticator);
  await signInPage.signInWithPasskey();

  // The authenticator signed with the deleted passkey; the relying party refused it.
  expect((await asserted).id).toBe(passkeyUser.passkey.id);
  await expect(signInPage.error).toContainText('not registered here');
  await signInPage.ceremonyPanel.open();
  await expect(signInPage.ceremonyPanel.failedChecks).toHaveText([checkLine('credential', false)]);
  await expect(page).toHaveURL(/\/sign-in$/);
  expect(await rp.session()).toBeNull();
  // The SPA then tells the passkey provider (Signal API: signalUnknownCredential) to forget it.
  await expect.poll(() => authenticator.credential(passkeyUser.passkey.id)).toBeUndefined();
});
