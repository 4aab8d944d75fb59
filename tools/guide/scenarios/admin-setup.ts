import type { Scenario } from '../scenario';

export const adminSetup: Scenario = {
  id: 'admin-setup',
  title: 'For admins: turn passkeys on and allow Microsoft Authenticator',
  summary:
    'For the tenant administrator, as in the Entra admin centre (Authentication methods → Passkey (FIDO2)): enable passkeys for everyone, ' +
    'restrict them to Microsoft Authenticator by AAGUID, and check the AAGUIDs already in use and the impact before saving.',
  async run(run) {
    const admin = await run.admin();
    const { page } = admin;
    await page.goto('/admin');
    const policyLink = page.getByRole('navigation', { name: 'Tenant administration' }).getByRole('link', { name: 'Passkey policy', exact: true });
    await run.step(admin, { instruction: 'Open **Admin** and choose **Passkey policy**.', target: policyLink });
    await policyLink.click();
    const enable = page.getByRole('checkbox', { name: 'Enable', exact: true });
    await enable.waitFor();
    await run.step(admin, {
      instruction: 'Under **Enable and target**, make sure **Enable** is on and **All users** are included.',
      why: 'Include groups instead of all users to pilot passkeys with a few people first.',
      target: enable,
    });
    await page.getByRole('checkbox', { name: 'Enforce key restrictions', exact: true }).check();
    await page.getByRole('group', { name: 'Restrict specific keys' }).getByRole('radio', { name: 'Allow', exact: true }).check();
    const microsoft = page.getByRole('checkbox', { name: 'Microsoft Authenticator', exact: true });
    await microsoft.check();
    await run.step(admin, {
      instruction: 'Under **Configure**, tick **Enforce key restrictions**, choose **Allow** under **Restrict specific keys**, and tick **Microsoft Authenticator**.',
      why: 'The checkbox adds both of Microsoft Authenticator’s AAGUIDs (iOS and Android) to the allow list. Key restrictions apply at sign-in too, so passkeys already made elsewhere stop working.',
      target: microsoft,
    });
    await page.getByRole('button', { name: 'Review changes', exact: true }).click();
    const lockedOut = page.getByRole('group', { name: 'Users who would be locked out' });
    await lockedOut.waitFor();
    await run.step(admin, {
      instruction: 'Select **Review changes** and read the impact: here everyone would be locked out, because nobody uses Microsoft Authenticator yet. Do not save this.',
      why: 'Before enforcing an allow list, find out which AAGUIDs are in use, so that nobody is locked out.',
      target: lockedOut,
    });
    await page.getByRole('navigation', { name: 'Tenant administration' }).getByRole('link', { name: 'AAGUID inventory', exact: true }).click();
    const inUse = page.getByRole('heading', { name: 'AAGUIDs in use' });
    await inUse.waitFor();
    await page.getByRole('table').first().waitFor();
    await run.step(admin, {
      instruction: 'Open **AAGUID inventory**: every AAGUID in use, with its provider, how many passkeys and people use it, and whether the policy allows it.',
      why: 'An AAGUID that was not attested is only what the authenticator claims; attestation makes it a fact.',
      target: inUse,
    });
    await page.getByRole('button', { name: 'Prepare allow list', exact: true }).click();
    const allowed = page.getByRole('list', { name: 'AAGUIDs that would be allowed' });
    await allowed.waitFor();
    await run.step(admin, {
      instruction: 'Under **Prepare allow list**, keep **All** for Microsoft Authenticator and select **Prepare allow list**: the lab shows the allow list it would set — the AAGUIDs in use plus Microsoft Authenticator’s — and its impact.',
      why: 'This is what the EntraIDPasskeyHelper module’s Set-PasskeyAuthenticationMethodsPolicy -WhatIf shows.',
      target: allowed,
    });
    const apply = page.getByRole('button', { name: 'Apply allow list', exact: true });
    await run.step(admin, { instruction: 'Nobody is locked out: select **Apply allow list**.', target: apply });
    await apply.click();
    await page.getByRole('navigation', { name: 'Tenant administration' }).getByRole('link', { name: 'Passkey policy', exact: true }).click();
    const exportHeading = page.getByRole('heading', { name: /Export/ }).first();
    await exportHeading.waitFor();
    await run.step(admin, {
      instruction: 'Back on **Passkey policy**, the export gives the same policy as a Microsoft Graph request and a PowerShell script, to run against the real tenant.',
      target: exportHeading,
    });
  },
};
