import type { Scenario } from '../scenario';

/**
 * The rollout dashboard after the other scenarios (docs/entra-2026.md, "Rollout dashboard"):
 * what the rollout so far looks like to an admin or a trainer.
 */
export const dashboard: Scenario = {
  id: 'dashboard',
  title: 'The rollout dashboard',
  summary: 'For admins and trainers: who has a passkey, who still depends on SMS, which passkeys people chose, and how sign-ins and the campaign are going.',
  async run(run) {
    const admin = await run.admin();
    const { page } = admin;
    await page.goto('/admin/dashboard');
    const users = page.getByRole('region', { name: 'Users and methods', exact: true });
    await users.waitFor();
    await run.step(admin, {
      instruction: 'As the admin, open **Rollout dashboard**. The first panel counts people with and without a passkey, and who still depends on SMS alone.',
      why: 'From 1 February 2027 Microsoft no longer sends SMS or voice codes: the people in the last row will have to create a passkey before they can sign in.',
      target: users,
    });
    const providers = page.getByRole('region', { name: 'Passkeys by provider', exact: true });
    await run.step(admin, {
      instruction: 'Passkeys by provider: which authenticators people chose, device-bound or synced, and how many proved their make and model (attested).',
      why: 'Before you turn an allow list on, this is who it would affect.',
      target: providers,
    });
    const signIns = page.getByRole('region', { name: 'Sign-ins per day', exact: true });
    await run.step(admin, {
      instruction: 'Sign-ins per day by method, counted from the sign-in log. Each chart has its numbers in a table beside it, and **Download … as CSV** exports them.',
      aside: 'A rising passkey line and a falling Temporary Access Pass line is what a healthy rollout looks like.',
      target: signIns,
    });
  },
};
