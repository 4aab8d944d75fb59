import { expect, securityKey, test } from './fixtures';

// One test for "a second passkey" (it was two, each paying for its own browser context, user
// and account page): the refusal on the same authenticator, then a security key, then the
// refusal on that key.
test('a second passkey: refused on the same authenticator, added on a security key, refused on that key again', async ({ passkeyUser, authenticators, authenticator, accountPage, rp }) => {
  await accountPage.open();
  await expect(accountPage.passkey(passkeyUser.nickname)).toBeVisible();
  await expect(accountPage.passkeys).toHaveCount(1);

  // The same authenticator ("this device") again: the relying party excludes its passkey, the authenticator refuses.
  await accountPage.addPasskey();
  await expect(accountPage.error).toContainText('already registered on this authenticator');
  await expect(accountPage.passkeys).toHaveCount(1);
  expect(await rp.credentials()).toHaveLength(1);
  expect(await authenticator.credentials()).toHaveLength(1);

  // With two authenticators attached Chromium's choice is not obvious: unplug "this device" first.
  await authenticators.remove(authenticator);
  const key = await authenticators.add(securityKey);
  const added = authenticators.nextCredentialAdded(key);
  await accountPage.addPasskey();

  const onKey = await added;
  expect(onKey).toMatchObject({ rpId: 'localhost', isResidentCredential: true });
  expect(onKey.id).not.toBe(passkeyUser.passkey.id);

  await expect(accountPage.passkeys).toHaveCount(2);
  // The refusal above is gone, so the one below is the security key's own.
  await expect(accountPage.error).toHaveCount(0);
  const stored = await rp.credential(onKey.id);
  expect(stored).toMatchObject({ deviceType: 'singleDevice', backedUp: false });
  expect(stored!.transports).toContain('usb');
  await expect(accountPage.passkey(stored!.nickname)).toContainText('Device-bound passkey');
  await expect(accountPage.passkey(passkeyUser.nickname)).toBeVisible();

  // The same security key again: the relying party excludes it, the authenticator refuses.
  await accountPage.addPasskey();
  await expect(accountPage.error).toContainText('already registered on this authenticator');
  expect(await rp.credentials()).toHaveLength(2);
  expect(await key.credentials()).toHaveLength(1);
});
