import type { Scenario } from '../scenario';

/** The admin's own passkey: a simulated Microsoft Authenticator (practice mode), so the allow list keeps them in. */
const ADMIN_DEVICE = 'Microsoft Authenticator on iPhone';

export const adminSetup: Scenario = {
  id: 'admin-setup',
  title: 'For admins: turn passkeys on and allow Microsoft Authenticator',
  summary:
    'For the tenant administrator, as in the Entra admin centre (Authentication methods → Passkey (FIDO2)): enable passkeys for everyone, ' +
    'allow device-bound passkeys only and enforce attestation, restrict passkeys to Microsoft Authenticator by AAGUID, check the impact, save, and check the AAGUIDs in use. ' +
    'The admin’s own passkey here is on a simulated Microsoft Authenticator (the lab’s practice mode), so the pictures show its banner.',
  async run(run) {
    const admin = await run.admin({ simulated: ADMIN_DEVICE });
    const { page } = admin;
    await page.goto('/admin');
    const adminNav = page.getByRole('navigation', { name: 'Tenant administration' });
    const policyLink = adminNav.getByRole('link', { name: 'Passkey policy', exact: true });
    await run.step(admin, { instruction: 'Open **Admin** and choose **Passkey policy**.', target: policyLink });
    await policyLink.click();
    const enable = page.getByRole('checkbox', { name: 'Enable', exact: true });
    await enable.waitFor();
    await run.step(admin, {
      instruction: 'Under **Enable and target**, make sure **Enable** is on and **All users** are included.',
      why: 'Include groups instead of all users to pilot passkeys with a few people first.',
      target: enable,
    });
    await page.getByRole('group', { name: 'Passkey types', exact: true }).getByRole('radio', { name: 'Device-bound only', exact: true }).check();
    const attestation = page.getByRole('checkbox', { name: 'Enforce attestation', exact: true });
    await attestation.check();
    await run.step(admin, {
      instruction: 'Under **Configure**, choose **Device-bound only** under **Passkey types** and tick **Enforce attestation**.',
      why: 'With attestation, the authenticator proves its make and model (its AAGUID) with a certificate chain at registration. Without it, an AAGUID is only what the authenticator claims, and an allow list can be bypassed. Synced passkeys are never attested, so a profile that enforces attestation allows device-bound passkeys only.',
      target: attestation,
    });
    await page.getByRole('checkbox', { name: 'Enforce key restrictions', exact: true }).check();
    await page.getByRole('group', { name: 'Restrict specific keys' }).getByRole('radio', { name: 'Allow', exact: true }).check();
    const microsoft = page.getByRole('checkbox', { name: 'Microsoft Authenticator', exact: true });
    await microsoft.check();
    await run.step(admin, {
      instruction: 'Tick **Enforce key restrictions**, choose **Allow** under **Restrict specific keys**, and tick **Microsoft Authenticator**.',
      why: 'The checkbox adds both of Microsoft Authenticator’s AAGUIDs (iOS and Android) to the allow list. Key restrictions apply at sign-in too, so passkeys already made elsewhere stop working.',
      target: microsoft,
    });
    await page.getByRole('button', { name: 'Review changes', exact: true }).click();
    const save = page.getByRole('button', { name: 'Save policy', exact: true });
    await page.getByText('Nobody would be locked out.', { exact: true }).waitFor();
    await run.step(admin, {
      instruction: 'Select **Review changes** and read the impact: nobody would be locked out, because the only passkey so far is a Microsoft Authenticator one. Select **Save policy**.',
      why: 'Before enforcing an allow list, find out who would be locked out. Anyone listed here would need a Temporary Access Pass to register an allowed passkey.',
      target: save,
    });
    await save.click();
    const saved = page.getByRole('status').filter({ hasText: 'Policy saved.' });
    await saved.waitFor();
    await run.step(admin, {
      instruction: 'The policy is saved. From now on only Microsoft Authenticator can register a passkey, with a valid attestation, and only Microsoft Authenticator passkeys sign in.',
      target: saved,
    });
    await adminNav.getByRole('link', { name: 'AAGUID inventory', exact: true }).click();
    const inUse = page.getByRole('heading', { name: 'AAGUIDs in use' });
    await inUse.waitFor();
    await page.getByRole('table').first().waitFor();
    await run.step(admin, {
      instruction: 'Open **AAGUID inventory**: every AAGUID in use, with its provider, how many passkeys and people use it, and whether the policy allows it.',
      why: 'An AAGUID that was not attested is only what the authenticator claims; attestation makes it a fact. Passkeys registered before attestation was enforced are not checked again.',
      target: inUse,
    });
    await adminNav.getByRole('link', { name: 'Passkey policy', exact: true }).click();
    const exportHeading = page.getByRole('heading', { name: /Export/ }).first();
    await exportHeading.waitFor();
    await run.step(admin, {
      instruction: 'Back on **Passkey policy**, the export gives the same policy as a Microsoft Graph request and a PowerShell script, to run against the real tenant.',
      target: exportHeading,
    });
  },
};
