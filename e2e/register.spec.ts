import { expect, test } from './fixtures';

test('registering creates a device-bound passkey that the account lists', async ({ page, authenticators, authenticator, homePage, registerPage, accountPage, rp, username }) => {
  await homePage.open();
  await homePage.goToRegister();
  await expect(page).toHaveURL(/\/register$/);

  const added = authenticators.nextCredentialAdded(authenticator);
  await registerPage.createPasskey(username, 'QA Tester');

  // The authenticator created a discoverable credential for this site.
  const passkey = await added;
  expect(passkey.rpId).toBe('localhost');
  expect(passkey.isResidentCredential).toBe(true);
  expect(passkey.backupEligibility ?? false).toBe(false);

  await expect(registerPage.passkeyReady).toBeVisible();
  await expect(registerPage.result).toContainText('Device-bound passkey');

  // The relying party stored the same credential id, as a device-bound passkey.
  const [stored, ...others] = await rp.credentials();
  expect(others).toHaveLength(0);
  expect(stored).toMatchObject({ id: passkey.id, deviceType: 'singleDevice', backedUp: false });
  expect(await authenticator.credential(passkey.id)).toBeDefined();

  await accountPage.open();
  await expect(accountPage.signedInAs(username)).toBeVisible();
  await expect(accountPage.passkeysHeading).toBeVisible();
  await expect(accountPage.passkeys).toHaveCount(1);
  await expect(accountPage.passkey(stored!.nickname)).toContainText('Device-bound passkey');
});
