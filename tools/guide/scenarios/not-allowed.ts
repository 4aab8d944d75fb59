import { CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID } from '../../../src/shared/policy';
import type { Scenario } from '../scenario';

export const notAllowed: Scenario = {
  id: 'not-allowed',
  title: 'When your authenticator is not allowed',
  summary:
    'For everyone, and for the helpdesk: what a person sees when the organisation’s policy does not allow the authenticator they used, and what to do next.',
  async run(run) {
    // The admin allows Microsoft Authenticator only (as in the first part); the person's device is something else.
    const admin = await run.admin();
    const response = await admin.page.request.patch('/api/admin/policy', {
      data: {
        passkeyProfiles: [
          {
            ...(await (await admin.page.request.get('/api/admin/policy')).json()).passkeyProfiles[0],
            keyRestrictions: { isEnforced: true, enforcementType: 'block', aaGuids: [CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID] },
          },
        ],
      },
    });
    if (!response.ok()) throw new Error(`the policy change was refused: ${await response.text()}`);

    const user = await run.open('computer');
    const { page } = user;
    await page.goto('/register');
    await page.getByRole('textbox', { name: 'Username', exact: true }).fill('casey');
    await page.getByRole('button', { name: 'Create a passkey', exact: true }).click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    await run.step(user, {
      instruction: 'The device made a passkey, but the organisation does not allow that kind of authenticator, so it was not saved. The page says what to use instead.',
      why: 'The policy checks the passkey’s AAGUID (make and model) at registration and at every sign-in.',
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
