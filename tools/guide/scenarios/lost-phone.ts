import type { Scenario } from '../scenario';
import { firstListedPasskey, signInWithPass } from './tap-onboarding';

/**
 * The recovery drill, "I lost my phone" (docs/entra-2026.md): the helpdesk removes the lost
 * passkey and issues a one-time pass on Admin → Recovery drill; the person signs in with it on
 * a new phone and creates a new passkey.
 */
export const lostPhone: Scenario = {
  id: 'lost-phone',
  title: 'Recovery drill: “I lost my phone”',
  summary: 'For helpdesk staff: remove the lost passkey so it stops working at once, issue a Temporary Access Pass, and the person enrols a new passkey.',
  async run(run) {
    const admin = await run.admin();
    const oldPhone = await run.open('phone');
    await run.register(oldPhone, 'sam', 'Sam Rivera');

    const { page } = admin;
    await page.goto('/admin/recovery');
    await run.step(admin, {
      instruction: 'Sam calls: their phone is lost. As the admin, open **Recovery drill**. The steps are on the page.',
      why: 'Verify who is calling before anything else (a video call, their manager): a pass issued to the wrong person hands them the account.',
      target: page.getByRole('heading', { name: 'The steps, for helpdesk staff' }),
    });
    await page.getByRole('textbox', { name: 'Username', exact: true }).fill('sam');
    const find = page.getByRole('button', { name: 'Find', exact: true });
    await run.step(admin, { instruction: 'Type their **Username** and select **Find**.', target: find });
    await find.click();

    const remove = page.getByRole('button', { name: /^Remove the passkey / }).first();
    await remove.waitFor();
    await run.step(admin, {
      instruction: 'Their passkeys are listed with where they live and when they were last used: select **Remove** beside the lost one.',
      why: 'It stops working at once: whoever has the phone can no longer sign in with it, and sessions it started end.',
      target: page.getByRole('region', { name: /Remove the lost passkey/ }),
    });
    await remove.click();
    await page.getByText('sam has no passkey left.').waitFor();

    const issue = page.getByRole('button', { name: 'Issue a one-time pass for sam', exact: true });
    await issue.click();
    const code = page.locator('.tap-code');
    await code.waitFor();
    await run.step(admin, {
      instruction: 'Select **Issue a one-time pass**: give the code to Sam over the channel you verified.',
      why: 'It is shown once and lasts an hour; the lab keeps only a hash of it.',
      target: page.getByRole('region', { name: /Issue a Temporary Access Pass/ }),
      mask: [code],
    });
    const pass = ((await code.textContent()) ?? '').trim();

    const newPhone = await run.open('phone');
    await signInWithPass(run, newPhone, 'sam', pass, true);
    const create = newPhone.page.getByRole('button', { name: 'Create a passkey', exact: true });
    await create.waitFor();
    await run.step(newPhone, {
      instruction: 'On the new phone, signed in with the pass, Sam selects **Create a passkey** straight away.',
      why: 'Adding a passkey needs a sign-in within the last 5 minutes, as in Entra.',
      target: create,
    });
    await create.click();
    await firstListedPasskey(newPhone.page).waitFor();
    await run.step(newPhone, {
      instruction: 'The new passkey is listed; the lost one is gone.',
      aside: 'On their next visit from another device, the site tells the password manager which passkeys still work (the WebAuthn Signal API), so the removed one is no longer offered.',
      target: newPhone.page.getByRole('heading', { name: 'Your passkeys' }),
    });
  },
};
