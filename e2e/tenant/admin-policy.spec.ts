/**
 * The "Passkey policy" admin screen: an allow list built with the Microsoft Authenticator
 * checkbox, the impact preview naming who would be locked out, the save, and its effect on a
 * sign-in; the AAGUID list editor; a refusal from the server shown with its field; the export.
 */
import { CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID, DEFAULT_PASSKEY_PROFILE_ID, MICROSOFT_AUTHENTICATOR_AAGUIDS } from '../../src/shared/policy';
import { toGraphPatchBody } from '../../src/shared/policy-export';
import { AdminPolicyPage } from '../pages/admin-policy-page';
import { expect, test } from './fixtures';

const { iOS, Android } = MICROSOFT_AUTHENTICATOR_AAGUIDS;

test('allowing only Microsoft Authenticator: the review names who would be locked out, and their sign-in is then refused', async ({
  page,
  admin,
  passkeyUser,
  rp,
  autofill,
  signInPage,
}) => {
  await rp.signOut();
  const policyPage = new AdminPolicyPage(admin.page);
  await policyPage.open();
  await expect(policyPage.heading).toBeVisible();
  await expect(policyPage.enable).toBeChecked();

  await policyPage.restrictToAllowList();
  await policyPage.microsoftAuthenticator.check();
  await expect(policyPage.aaguids).toHaveCount(2);
  await expect(policyPage.aaguid(iOS)).toContainText('Microsoft Authenticator (iOS)');
  await expect(policyPage.aaguid(Android)).toContainText('Microsoft Authenticator (Android)');

  await policyPage.reviewChanges();
  await expect(policyPage.review).toBeVisible();
  // Reviewing saves nothing.
  expect((await admin.api.policy()).passkeyProfiles[0]?.keyRestrictions.isEnforced).toBe(false);
  await expect(policyPage.usersLockedOut).toContainText(passkeyUser.username);
  await expect(policyPage.passkeyStopping(passkeyUser.username)).toContainText(CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID);
  await expect(policyPage.passkeyStopping(passkeyUser.username)).toContainText('aaguid_blocked');

  await policyPage.savePolicy();
  await expect(policyPage.saved).toBeVisible();
  const saved = await admin.api.policy();
  expect(saved.passkeyProfiles.find((profile) => profile.id === saved.defaultPasskeyProfile)?.keyRestrictions).toEqual({
    isEnforced: true,
    enforcementType: 'allow',
    aaGuids: [iOS, Android],
  });
  // The form starts again from the saved policy.
  await expect(policyPage.microsoftAuthenticator).toBeChecked();
  await expect(policyPage.allow).toBeChecked();

  await autofill.withoutAutofill(() => signInPage.open());
  await signInPage.signInAs(passkeyUser.username);
  await expect(signInPage.error).toContainText('Your organisation no longer allows the authenticator this passkey is on');
  await expect(page).toHaveURL(/\/sign-in$/);
  expect(await rp.session()).toBeNull();
  const [entry] = await admin.api.signInLog({ username: passkeyUser.username, result: 'failure' });
  expect(entry).toMatchObject({ ceremony: 'authentication', result: 'aaguid_blocked', aaguid: CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID });
});

test('the AAGUID list editor names what is not an AAGUID, keeps it for correction, and removes entries', async ({ admin }) => {
  const policyPage = new AdminPolicyPage(admin.page);
  await policyPage.open();
  await policyPage.addAaguids(`${CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID.toUpperCase()}, yubikey\n1234`);

  await expect(policyPage.aaguids).toHaveCount(1);
  await expect(policyPage.aaguid(CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID)).toContainText('Chromium virtual authenticator');
  await expect(policyPage.aaguidError).toHaveText(/These are not AAGUIDs: “yubikey”, “1234”\./);
  await expect(policyPage.addAaguidsBox).toHaveValue('yubikey 1234');
  await expect(policyPage.addAaguidsBox).toHaveAttribute('aria-invalid', 'true');

  // One of Microsoft Authenticator's two AAGUIDs: the checkbox is mixed; checking it adds the other.
  await policyPage.addAaguids(iOS);
  await expect(policyPage.microsoftAuthenticator).toHaveJSProperty('indeterminate', true);
  await policyPage.microsoftAuthenticator.click();
  await expect(policyPage.microsoftAuthenticator).toBeChecked();
  await expect(policyPage.aaguids).toHaveCount(3);
  await policyPage.microsoftAuthenticator.uncheck();
  await expect(policyPage.aaguids).toHaveCount(1);

  await policyPage.removeAaguid(CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID);
  await expect(policyPage.aaguids).toHaveCount(0);
  await policyPage.reviewChanges();
  await expect(admin.page.getByText('Nothing to save: the form matches the saved policy.')).toBeVisible();
  await expect(policyPage.review).toBeHidden();
});

test('a change the server refuses shows its field and message, and nothing is saved', async ({ admin, username }) => {
  const groupName = `Leavers ${username}`;
  const group = await admin.api.createGroup(groupName);
  const policyPage = new AdminPolicyPage(admin.page);
  await policyPage.open();
  await policyPage.excludeGroup(groupName);
  // Meanwhile the group is deleted (another admin, say): the exclusion now names an unknown group.
  expect((await admin.page.request.delete(`/api/admin/groups/${group.id}`, { headers: { 'content-length': '0' } })).status()).toBe(204);

  await policyPage.reviewChanges();
  await expect(policyPage.error).toContainText('The server refused this.');
  await expect(policyPage.error).toContainText('excludeTargets[0].id');
  await expect(policyPage.error).toContainText('unknown group');
  await expect(policyPage.review).toBeHidden();
  expect((await admin.api.policy()).excludeTargets).toEqual([]);
});

test('the export shows the saved policy as a Graph PATCH body and a PowerShell script, each copyable', async ({ admin }) => {
  await admin.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const saved = await admin.api.patchPolicy({
    passkeyProfiles: [
      {
        id: DEFAULT_PASSKEY_PROFILE_ID,
        name: "Ana's passkeys",
        passkeyTypes: 'deviceBound',
        attestationEnforcement: 'disabled',
        keyRestrictions: { isEnforced: false, enforcementType: 'allow', aaGuids: [iOS] },
      },
    ],
  });
  const policyPage = new AdminPolicyPage(admin.page);
  await policyPage.open();

  const json = JSON.parse(await policyPage.graphJson.innerText()) as unknown;
  expect(json).toEqual(toGraphPatchBody(saved));
  expect(json).toMatchObject({ '@odata.type': '#microsoft.graph.fido2AuthenticationMethodConfiguration' });

  await expect(policyPage.powerShell).toContainText('Connect-MgGraph -Scopes "Policy.ReadWrite.AuthenticationMethod"');
  await expect(policyPage.powerShell).toContainText(
    'Invoke-MgGraphRequest -Method PATCH -Uri "https://graph.microsoft.com/beta/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/fido2" -Body ($body | ConvertTo-Json -Depth 10)',
  );
  // The quote in the profile's name is doubled inside PowerShell's single-quoted string.
  await expect(policyPage.powerShell).toContainText("name = 'Ana''s passkeys'");
  await expect(policyPage.powerShell).toContainText(`'${iOS}'`);

  await policyPage.copyPowerShellButton.click();
  await expect(admin.page.getByRole('status').filter({ hasText: 'PowerShell script copied.' })).toBeVisible();
  expect(await admin.page.evaluate(() => navigator.clipboard.readText())).toBe(await policyPage.powerShell.innerText());
  await policyPage.copyJsonButton.click();
  await expect(admin.page.getByRole('status').filter({ hasText: 'JSON copied.' })).toBeVisible();
  expect(JSON.parse(await admin.page.evaluate(() => navigator.clipboard.readText()))).toEqual(toGraphPatchBody(saved));
});
