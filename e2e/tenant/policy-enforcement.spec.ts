/**
 * The passkey policy is enforced in the ceremonies (docs/api.md, "Policy enforcement in the
 * ceremonies"): a blocked AAGUID refuses registration and sign-in, synced passkeys are refused
 * when only device-bound ones are allowed. The person reads what happened and what to do; the
 * relying party stores nothing and logs the refusal.
 */
import { CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID, DEFAULT_PASSKEY_PROFILE_ID, type PasskeyTypes } from '../../src/shared/policy';
import { expect, syncedPasskeyProvider, type TenantAdminApi, test } from './fixtures';

/** The default profile, changed: only its fields are sent (PATCH replaces every profile). */
function defaultProfile(change: { passkeyTypes?: PasskeyTypes; blockAaguids?: string[] }) {
  return {
    id: DEFAULT_PASSKEY_PROFILE_ID,
    name: 'Default passkey profile',
    passkeyTypes: change.passkeyTypes ?? 'deviceBound,synced',
    attestationEnforcement: 'disabled' as const,
    keyRestrictions: change.blockAaguids
      ? { isEnforced: true, enforcementType: 'block' as const, aaGuids: change.blockAaguids }
      : { isEnforced: false, enforcementType: 'block' as const, aaGuids: [] },
  };
}

async function blockVirtualAuthenticator(api: TenantAdminApi) {
  await api.patchPolicy({ passkeyProfiles: [defaultProfile({ blockAaguids: [CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID] })] });
}

test('a blocked authenticator cannot register: the person is told, nothing is stored', async ({ admin, registerPage, username, rp }) => {
  await blockVirtualAuthenticator(admin.api);
  await registerPage.open();
  await registerPage.createPasskey(username);

  await expect(registerPage.error).toContainText('Your organisation only allows certain authenticators for passkeys');
  await expect(registerPage.error).toContainText('such as Microsoft Authenticator');
  await expect(registerPage.passkeyReady).toBeHidden();
  expect(await rp.session()).toBeNull();

  const [entry] = await admin.api.signInLog({ username });
  expect(entry).toMatchObject({ ceremony: 'registration', result: 'aaguid_blocked', aaguid: CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID });
  // The account was never created: the username is still free for a pass.
  expect((await admin.api.issueTap(username)).userCreated).toBe(true);
});

test('a passkey registered before the block is refused at sign-in', async ({ page, admin, passkeyUser, autofill, signInPage, rp }) => {
  await rp.signOut();
  await blockVirtualAuthenticator(admin.api);

  await autofill.withoutAutofill(() => signInPage.open());
  await signInPage.signInAs(passkeyUser.username);
  await expect(signInPage.error).toContainText('Your organisation no longer allows the authenticator this passkey is on');
  await expect(signInPage.error).toContainText('ask your admin for a Temporary Access Pass');
  await expect(page).toHaveURL(/\/sign-in$/);
  expect(await rp.session()).toBeNull();
  await signInPage.ceremonyPanel.open();
  await expect(signInPage.ceremonyPanel.failedChecks).toHaveCount(1);

  const entries = await admin.api.signInLog({ username: passkeyUser.username, result: 'failure' });
  expect(entries.map(({ ceremony, result, credentialId }) => ({ ceremony, result, credentialId }))).toEqual([
    { ceremony: 'authentication', result: 'aaguid_blocked', credentialId: passkeyUser.passkey.id },
  ]);
});

test.describe('with a synced passkey provider', () => {
  test.use({ authenticatorOptions: syncedPasskeyProvider });

  test('device-bound only: a synced passkey is refused at sign-in and at registration', async ({
    admin,
    passkeyUser,
    autofill,
    signInPage,
    registerPage,
    rp,
  }) => {
    expect((await rp.credential(passkeyUser.passkey.id))?.deviceType).toBe('multiDevice');
    await rp.signOut();
    await admin.api.patchPolicy({ passkeyProfiles: [defaultProfile({ passkeyTypes: 'deviceBound' })] });

    await autofill.withoutAutofill(() => signInPage.open());
    await signInPage.signInWithPasskey();
    await expect(signInPage.error).toContainText('Your organisation no longer allows synced passkeys, and this passkey is synced to your devices.');
    expect(await rp.session()).toBeNull();

    await registerPage.open();
    await registerPage.createPasskey(`${passkeyUser.username}-2`);
    await expect(registerPage.error).toContainText('Your organisation only allows passkeys that stay on one device, and this one would be synced to your other devices.');
    expect(await rp.session()).toBeNull();

    const refused = await admin.api.signInLog({ result: 'passkey_type_not_allowed' });
    expect(refused.filter((entry) => entry.username?.startsWith(passkeyUser.username)).map((entry) => entry.ceremony).sort()).toEqual([
      'authentication',
      'registration',
    ]);
  });
});
