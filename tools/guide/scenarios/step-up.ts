import type { Scenario } from '../scenario';
import { firstListedPasskey, issuePass, signInWithPass } from './tap-onboarding';

export const stepUp: Scenario = {
  id: 'step-up',
  title: 'Stepping up to a phishing-resistant app',
  summary:
    'For everyone using sensitive apps: a conditional-access policy requires phishing-resistant sign-in (a passkey). ' +
    'Someone who signed in with something weaker, such as a Temporary Access Pass, verifies with a passkey before going in.',
  async run(run) {
    const admin = await run.admin();
    const code = await issuePass(run, admin, 'jordan', 'Jordan Lee', false);
    // Jordan signed in with the pass and created a passkey (the previous part of the guide).
    const user = await run.open('computer');
    await signInWithPass(run, user, 'jordan', code, false);
    const { page } = user;
    await page.getByRole('button', { name: 'Create a passkey', exact: true }).click();
    await firstListedPasskey(page).waitFor();

    await page.goto('/apps/sensitive');
    const verify = page.getByRole('button', { name: 'Verify with a passkey', exact: true });
    await verify.waitFor();
    await run.step(user, {
      instruction: 'Open the sensitive app. It explains that the pass you signed in with is not phishing-resistant: select **Verify with a passkey**.',
      why: 'A passkey only works on the site it was made for, so a look-alike site cannot use it. Codes and passes can be phished.',
      aside: 'The device asks for your face, fingerprint or PIN.',
      target: verify,
    });
    await verify.click();
    const inside = page.getByRole('heading', { name: 'Why you were let in' });
    await inside.waitFor();
    await run.step(user, { instruction: 'You are in. The app says how you signed in and why that was enough.', target: inside });
  },
};
