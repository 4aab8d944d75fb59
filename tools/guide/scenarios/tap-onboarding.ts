import type { Page } from '@playwright/test';
import type { GuideDevice } from '../device';
import type { Scenario, ScenarioRun } from '../scenario';

/** The admin issues a one-time pass for `username` through the UI; returns the code shown. */
export async function issuePass(run: ScenarioRun, admin: GuideDevice, username: string, displayName: string, record: boolean): Promise<string> {
  const { page } = admin;
  await page.goto('/admin/temporary-access-pass');
  await page.getByRole('textbox', { name: 'Username', exact: true }).fill(username);
  await page.getByRole('textbox', { name: 'Display name (optional)', exact: true }).fill(displayName);
  await page.getByRole('checkbox', { name: 'One-time use', exact: true }).check();
  const issue = page.getByRole('button', { name: 'Issue pass', exact: true });
  if (record) {
    await run.step(admin, {
      instruction: `As the admin, open **Temporary Access Pass**, type the person’s **Username** (here ${username}), tick **One-time use** and select **Issue pass**.`,
      why: 'A Temporary Access Pass lets someone without any passkey sign in once to create their first one. It lasts 10 minutes to 30 days (60 minutes by default).',
      target: issue,
    });
  }
  await issue.click();
  const code = issuedCode(page);
  await code.waitFor();
  if (record) {
    await run.step(admin, {
      instruction: 'The pass is shown once: give it to the person in person or through a channel you trust.',
      why: 'The lab, like Entra, keeps only a hash of it.',
      target: code,
      mask: [code],
    });
  }
  return ((await code.textContent()) ?? '').trim();
}

const issuedCode = (page: Page) => page.locator('.issued-pass__code');

/**
 * The first passkey in the account's "Your passkeys" list: waiting for it is waiting for the
 * registration to finish. (Any list item would not do: the header's navigation is a list too,
 * so the wait passed at once and the next page load cut the registration short.)
 */
export const firstListedPasskey = (page: Page) => page.getByRole('region', { name: 'Your passkeys' }).getByRole('listitem').first();

/** Signs in at /sign-in with the pass; records the steps when asked. */
export async function signInWithPass(run: ScenarioRun, user: GuideDevice, username: string, code: string, record: boolean): Promise<void> {
  const { page } = user;
  await page.goto('/sign-in');
  const start = page.getByRole('button', { name: 'Use a Temporary Access Pass', exact: true });
  if (record) await run.step(user, { instruction: 'The person opens **Sign in** and selects **Use a Temporary Access Pass**.', target: start });
  await start.click();
  const form = page.getByRole('form', { name: 'With a Temporary Access Pass' });
  await form.getByRole('textbox', { name: 'Username', exact: true }).fill(username);
  const pass = form.getByLabel('Temporary Access Pass', { exact: true });
  await pass.fill(code);
  const submit = form.getByRole('button', { name: 'Sign in with the pass', exact: true });
  if (record) await run.step(user, { instruction: 'They type their **Username** and the pass, and select **Sign in with the pass**.', target: submit, mask: [pass] });
  await submit.click();
  await page.waitForURL(/\/account/);
}

export const tapOnboarding: Scenario = {
  id: 'tap-onboarding',
  title: 'Onboarding with a Temporary Access Pass',
  summary: 'For admins and new joiners: the admin issues a Temporary Access Pass, and the person uses it once to sign in and create their first passkey.',
  async run(run) {
    const admin = await run.admin();
    const code = await issuePass(run, admin, 'jordan', 'Jordan Lee', true);
    const user = await run.open('computer');
    await signInWithPass(run, user, 'jordan', code, true);
    const { page } = user;
    const create = page.getByRole('button', { name: 'Create a passkey', exact: true });
    await create.waitFor();
    await run.step(user, {
      instruction: 'Signed in with the pass, they are asked straight away to create a passkey: select **Create a passkey**.',
      aside: 'The device asks for a face, fingerprint or PIN and makes the passkey.',
      target: create,
    });
    await create.click();
    const passkeys = page.getByRole('heading', { name: 'Your passkeys' });
    await firstListedPasskey(page).waitFor();
    await run.step(user, { instruction: 'The passkey is listed under **Your passkeys**: from now on they sign in with it, and the pass is used up.', target: passkeys });
  },
};
