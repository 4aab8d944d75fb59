/**
 * The seed articles' rollout, end to end through the pages, with simulated devices only (the QA
 * kit's `simulator`, testkit/): the admin allows only Microsoft Authenticator, enforces attestation
 * and keeps synced passkeys out; an Authenticator passkey on an iPhone registers (attested by the
 * lab's simulator) and signs in, also through autofill; iCloud Keychain and a YubiKey are refused;
 * Windows Hello is accepted once the admin adds its AAGUID; the Sensitive app admits the
 * Authenticator passkey without a step-up. The policy and the conditional-access rule are put
 * back after the test (fixtures.ts).
 */
import { mergeTests } from '@playwright/test';
import { MICROSOFT_AUTHENTICATOR_AAGUIDS } from '../../src/shared/policy';
import { installSimulatorInContext, presets, test as kit } from '../../testkit';
import { AdminPolicyPage } from '../pages/admin-policy-page';
import { SensitiveAppPage } from '../pages/sensitive-app-page';
import { expect, test as tenant } from './fixtures';
import { TENANT_ADMIN } from './tenant-admin';

const test = mergeTests(tenant, kit);

/** The lab issues the simulated devices' attestation certificates, so it labels them simulated (docs/api.md). */
const LAB_ISSUER = { url: '/api/simulator/attestation-certificate' };
test.use({ simulatorOptions: { issuer: LAB_ISSUER } });

const WINDOWS_HELLO = presets['windows-hello-hardware'].aaguid;

test('the Microsoft-only rollout: only Microsoft Authenticator, attested and device-bound, through the pages', async ({
  page,
  admin,
  simulator,
  registerPage,
  signInPage,
  accountPage,
  rp,
  username,
}) => {
  // A long story in one test: each step builds on the policy the admin saved before it.
  test.setTimeout(60_000);
  const policyPage = new AdminPolicyPage(admin.page);
  const people = { wen: `${username}-wen`, ana: `${username}-ana`, ian: `${username}-ian`, yuki: `${username}-yuki`, win: `${username}-win` };

  await test.step('before the policy, Wen registers Windows Hello', async () => {
    simulator.use('windows-hello-hardware');
    await registerPage.open();
    await registerPage.createPasskey(people.wen);
    await expect(registerPage.passkeyReady).toBeVisible();
    await rp.signOut();
  });

  await test.step('the admin keeps access: a simulated Authenticator passkey beside the admin’s own', async () => {
    // The admin signed in (admin.setup.ts) with a CDP virtual authenticator passkey, which the
    // Microsoft-only list will refuse. Excluding the admin through a group would not help: the lab,
    // like Entra, treats excluded users as outside the passkey method, so they would be locked out
    // all the same. So the admin adds an allowed passkey first (and deletes it at the end).
    const adminDevice = await installSimulatorInContext(admin.context, { device: 'microsoft-authenticator-ios', issuer: LAB_ISSUER });
    await admin.accountPage.open();
    await admin.accountPage.addPasskey();
    await expect(admin.accountPage.passkeys.filter({ hasText: 'Microsoft Authenticator (iOS)' })).toHaveCount(1);
    expect(adminDevice.credentials()).toHaveLength(1);
  });

  await test.step('the admin saves: Microsoft Authenticator only, attestation enforced, device-bound only', async () => {
    await policyPage.open();
    await policyPage.enforceAttestation.check();
    await policyPage.deviceBoundOnly.check();
    await policyPage.restrictToAllowList();
    await policyPage.microsoftAuthenticator.check();
    await expect(policyPage.aaguids).toHaveCount(2);
    await policyPage.reviewChanges();
    // Wen's Windows Hello passkey would stop working; the admin keeps the Authenticator passkey.
    await expect(policyPage.usersLockedOut).toContainText(people.wen);
    await expect(policyPage.usersLockedOut).not.toContainText(TENANT_ADMIN);
    await expect(policyPage.passkeyStopping(people.wen)).toContainText(WINDOWS_HELLO);
    await policyPage.savePolicy();
    await expect(policyPage.saved).toBeVisible();
    const saved = await admin.api.policy();
    expect(saved.passkeyProfiles.find((profile) => profile.id === saved.defaultPasskeyProfile)).toMatchObject({
      passkeyTypes: 'deviceBound',
      attestationEnforcement: 'registrationOnly',
      keyRestrictions: { isEnforced: true, enforcementType: 'allow', aaGuids: Object.values(MICROSOFT_AUTHENTICATOR_AAGUIDS) },
    });
  });

  await test.step('Ana registers Microsoft Authenticator on her iPhone: attested by the simulator', async () => {
    simulator.use('microsoft-authenticator-ios');
    await registerPage.open();
    await registerPage.createPasskey(people.ana);
    await expect(registerPage.passkeyReady).toBeVisible();
    await accountPage.open();
    const passkey = accountPage.passkeys;
    await expect(passkey).toHaveCount(1);
    await expect(passkey).toContainText('Microsoft Authenticator (iOS)');
    await expect(passkey).toContainText('Attested by this lab’s simulator, not by Microsoft');
    const [stored] = await rp.credentials();
    expect(stored).toMatchObject({ aaguid: presets['microsoft-authenticator-ios'].aaguid, simulated: true, deviceType: 'singleDevice' });
    // The context's devices hold Wen's passkey and now Ana's (device-bound: no backup flags).
    expect(simulator.credentials().map(({ userName }) => userName)).toEqual([people.wen, people.ana]);
    expect(simulator.credentials()[1]).toMatchObject({ aaguid: presets['microsoft-authenticator-ios'].aaguid, signCount: 0, backupEligible: false, backupState: false });
  });

  const anaPasskey = () => simulator.credentials().find((credential) => credential.userName === people.ana)!;

  await test.step('Ana signs out and in with the button, then through autofill by picking her passkey', async () => {
    await accountPage.signOut();
    await signInPage.open();
    await signInPage.signInAs(people.ana);
    await expect(page).toHaveURL(/\/account$/);
    expect(anaPasskey().signCount).toBe(1);

    await accountPage.signOut();
    await signInPage.open();
    // The page's autofill request waits, as in a real browser, until the person picks a passkey.
    const request = await simulator.nextPrompt({ kind: 'autofill' });
    expect(request).toMatchObject({ ceremony: 'get', mediation: 'conditional', candidates: [{ id: anaPasskey().id, userName: people.ana }] });
    await expect(page).toHaveURL(/\/sign-in$/);
    await simulator.pick(anaPasskey().id);
    await expect(page).toHaveURL(/\/account$/);
    expect(await rp.session()).toMatchObject({ method: 'passkey', user: { username: people.ana } });
    expect(anaPasskey().signCount).toBe(2);
  });

  await test.step('the Sensitive app admits the Authenticator passkey without a step-up', async () => {
    await admin.api.setConditionalAccess({ allowedAaguids: Object.values(MICROSOFT_AUTHENTICATOR_AAGUIDS) });
    const app = new SensitiveAppPage(page);
    await app.open();
    await expect(app.letIn).toHaveText('You are in.');
    await expect(app.stepUp).toBeHidden();
    await expect(app.fact('Passkey provider')).toContainText('Microsoft Authenticator (iOS)');
    await rp.signOut();
  });

  await test.step('iCloud Keychain is refused with the policy’s words, and so is a YubiKey', async () => {
    simulator.use('icloud-keychain');
    await registerPage.open();
    await registerPage.createPasskey(people.ian);
    await expect(registerPage.error).toContainText('Your organisation only allows passkeys that stay on one device');
    expect(await rp.session()).toBeNull();
    // The device made its passkey (a synced one); the lab stored nothing.
    expect(simulator.credentials().find((credential) => credential.userName === people.ian)).toMatchObject({ backupEligible: true, backupState: true, signCount: 0 });

    simulator.use('yubikey-5');
    await registerPage.open();
    await registerPage.createPasskey(people.yuki);
    await expect(registerPage.error).toContainText('Your organisation only allows certain authenticators for passkeys');
    expect(await rp.session()).toBeNull();
  });

  await test.step('the admin adds Windows Hello: nobody would be locked out, and Windows Hello registers', async () => {
    await policyPage.open();
    await policyPage.addAaguids(WINDOWS_HELLO);
    await expect(policyPage.aaguid(WINDOWS_HELLO)).toBeVisible();
    await policyPage.reviewChanges();
    await expect(policyPage.nobodyLockedOut).toBeVisible();
    await expect(policyPage.usersLockedOut).toBeHidden();
    await policyPage.savePolicy();
    await expect(policyPage.saved).toBeVisible();

    simulator.use('windows-hello-hardware');
    await registerPage.open();
    await registerPage.createPasskey(people.win);
    await expect(registerPage.passkeyReady).toBeVisible();
    await accountPage.open();
    await expect(accountPage.passkeys).toContainText('Attested by this lab’s simulator, not by Microsoft');
    expect(simulator.credentials().find((credential) => credential.userName === people.win)?.aaguid).toBe(WINDOWS_HELLO);
  });

  await test.step('the admin deletes the Authenticator passkey added for this story', async () => {
    const mine = (await admin.rp.credentials()).find((credential) => credential.aaguid === presets['microsoft-authenticator-ios'].aaguid);
    await admin.rp.deleteCredential(mine!.id);
  });
});
