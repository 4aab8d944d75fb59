import { expect, test } from './fixtures';

test('deleting a passkey on /account makes the authenticator forget it (signalUnknownCredential)', async ({ passkeyUser, authenticators, authenticator, accountPage, signals, rp }) => {
  await signals.record();
  await accountPage.open();
  await expect(accountPage.passkey(passkeyUser.nickname)).toBeVisible();

  const deleted = authenticators.nextCredentialDeleted(authenticator);
  await accountPage.delete(passkeyUser.nickname);

  expect((await deleted).id).toBe(passkeyUser.passkey.id);
  await expect(accountPage.passkeys).toHaveCount(0);
  expect(await rp.credentials()).toHaveLength(0);
  expect(await authenticator.credential(passkeyUser.passkey.id)).toBeUndefined();
  expect(await signals.calls('signalUnknownCredential')).toContainEqual({ rpId: 'localhost', credentialId: passkeyUser.passkey.id });
});

test('changing the display name updates the passkey on the authenticator (signalCurrentUserDetails)', async ({ passkeyUser, authenticators, authenticator, accountPage, rp }) => {
  await accountPage.open();
  await expect(accountPage.passkey(passkeyUser.nickname)).toBeVisible();

  const updated = authenticators.nextCredentialUpdated(authenticator);
  await accountPage.changeDisplayName('Ada Lovelace');

  await expect(accountPage.statusMessage('Your display name is now “Ada Lovelace”.')).toBeVisible();
  expect(await updated).toMatchObject({ id: passkeyUser.passkey.id, userDisplayName: 'Ada Lovelace' });
  expect((await rp.session())?.user.displayName).toBe('Ada Lovelace');
  expect((await authenticator.credential(passkeyUser.passkey.id))?.userDisplayName).toBe('Ada Lovelace');
});
