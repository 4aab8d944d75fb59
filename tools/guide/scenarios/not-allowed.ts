import { MICROSOFT_AUTHENTICATOR_AAGUIDS } from '../../../src/shared/policy';
import type { Scenario } from '../scenario';

/** A synced passkey provider, simulated by the lab's practice mode: the Microsoft-only allow list refuses it. */
const SYNCED_DEVICE = 'iCloud Keychain';

export const notAllowed: Scenario = {
  id: 'not-allowed',
  title: 'When your authenticator is not allowed',
  summary:
    'For everyone, and for the helpdesk: what a person sees when the organisation’s policy does not allow the authenticator they used, and what to do next. ' +
    'Here the person’s iCloud Keychain (a synced passkey provider) is simulated by the lab’s practice mode.',
  async run(run) {
    // The admin allows Microsoft Authenticator only (as in the first part); the person's passkey provider is something else.
    const admin = await run.admin();
    const response = await admin.page.request.patch('/api/admin/policy', {
      data: {
        passkeyProfiles: [
          {
            ...(await (await admin.page.request.get('/api/admin/policy')).json()).passkeyProfiles[0],
            keyRestrictions: { isEnforced: true, enforcementType: 'allow', aaGuids: Object.values(MICROSOFT_AUTHENTICATOR_AAGUIDS) },
          },
        ],
      },
    });
    if (!response.ok()) throw new Error(`the policy change was refused: ${await response.text()}`);

    const user = await run.open('computer');
    const { page } = user;
    await page.goto('/register');
    const practice = await run.practise(user, SYNCED_DEVICE);
    await page.getByRole('textbox', { name: 'Username', exact: true }).fill('casey');
    await page.getByRole('button', { name: 'Create a passkey', exact: true }).click();
    const approve = practice.approveButton(SYNCED_DEVICE);
    await approve.waitFor();
    await run.step(user, {
      instruction: 'Casey creates a passkey with the password manager they use every day, iCloud Keychain, and approves it.',
      simulated: 'a real Mac or iPhone shows its own sheet here (“Save a passkey in Passwords?”) and asks for Touch ID, Face ID or the device password.',
      target: approve,
    });
    await approve.click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    await run.step(user, {
      instruction: 'The device made a passkey, but the organisation does not allow that kind of authenticator, so it was not saved. The page says what to use instead.',
      why: 'The policy checks the passkey’s AAGUID (make and model) at registration and at every sign-in. A synced provider such as iCloud Keychain has its own AAGUID, which the Microsoft-only allow list does not include.',
      target: refusal,
    });
    const details = page.getByText('Show what happened', { exact: true });
    await details.click();
    const policyCheck = page.getByRole('listitem').filter({ hasText: 'Tenant policy' }).first();
    await policyCheck.waitFor();
    await run.step(user, {
      instruction: 'For the helpdesk: **Show what happened** lists every check the sign-in service made; the last one, the tenant policy, refused the AAGUID.',
      target: policyCheck,
    });
  },
};
