import { expect, syncedPasskeyProvider, test } from './fixtures';

// A password manager that syncs passkeys: new credentials carry the backup flags (BE and BS).
test.use({ authenticatorOptions: syncedPasskeyProvider });

test('a passkey with the backup flags set is shown as synced', async ({ authenticators, authenticator, registerPage, accountPage, rp, username }) => {
  const added = authenticators.nextCredentialAdded(authenticator);
  await registerPage.open();
  await registerPage.createPasskey(username);

  const passkey = await added;
  expect(passkey).toMatchObject({ rpId: 'localhost', isResidentCredential: true, backupEligibility: true, backupState: true });

  await expect(registerPage.passkeyReady).toBeVisible();
  await expect(registerPage.result).toContainText('Synced passkey');

  const stored = await rp.credential(passkey.id);
  expect(stored).toMatchObject({ deviceType: 'multiDevice', backedUp: true });

  await accountPage.open();
  await expect(accountPage.passkey(stored!.nickname)).toContainText('Synced passkey');
});
