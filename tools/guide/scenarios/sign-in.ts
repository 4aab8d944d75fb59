import { PasskeyAutofill } from '../../../e2e/fixtures/passkey-autofill';
import { HandoffPhonePage, HandoffWaitPage } from '../../../e2e/pages/handoff-page';
import type { Scenario } from '../scenario';
import { handoffMask } from './register-phone';

export const signIn: Scenario = {
  id: 'sign-in',
  title: 'Sign in with your passkey',
  summary: 'For everyone with a passkey: three ways in — without typing anything, through the browser’s autofill, and from a phone.',
  async run(run) {
    // Without a username: a computer that holds Alex's synced passkey, with autofill out of the way.
    const computer = await run.open('computer', { defaultBackupEligibility: true, defaultBackupState: true });
    await run.register(computer, 'alex', 'Alex Doe');
    await computer.context.clearCookies();
    const [passkey] = await computer.authenticator.credentials();
    // The passkey synced to Alex's other devices. Each copy's counter starts higher, as the relying
    // party refuses a counter that does not rise (a copy that did not sync looks like a clone).
    const synced = (signCount: number) => ({ ...passkey!, signCount });
    await new PasskeyAutofill(computer.page).disable();
    await computer.page.goto('/sign-in');
    const signInButton = computer.page.getByRole('button', { name: 'Sign in with a passkey', exact: true });
    await run.step(computer, {
      instruction: 'Open **Sign in** and select **Sign in with a passkey**. No username needed.',
      aside: 'The browser asks which passkey to use and to unlock it with your face, fingerprint or PIN.',
      target: signInButton,
    });
    await signInButton.click();
    await computer.page.waitForURL(/\/account$/);
    const status = computer.page.getByRole('status');
    await status.first().waitFor();
    await run.step(computer, { instruction: 'You are signed in. The page says which passkey you used.', target: status.first() });

    // Autofill: a second computer with the same (synced) passkey and autofill on.
    const laptop = await run.open('computer');
    await laptop.authenticator.addCredential(synced(100));
    await new PasskeyAutofill(laptop.page).disable();
    await laptop.page.goto('/sign-in');
    const username = laptop.page.getByRole('textbox', { name: 'Username', exact: true });
    await run.step(laptop, {
      instruction: 'Or click into **Username**: the browser offers your passkey in the autofill list.',
      aside: 'Choose the passkey from the list under the field and unlock it. The list is the browser’s own, so it is not pictured.',
      target: username,
    });
    // The same, for real: a browser with autofill signs in as soon as the page loads.
    const tablet = await run.open('computer');
    await tablet.authenticator.addCredential(synced(200));
    await tablet.page.goto('/sign-in');
    await tablet.page.waitForURL(/\/account$/);
    const signedIn = tablet.page.getByRole('status').first();
    await signedIn.waitFor();
    await run.step(tablet, { instruction: 'Once you unlock the passkey you chose, you are signed in.', target: signedIn });

    // From a phone: the computer has no passkey; the phone has Alex's.
    const desk = await run.open('computer');
    await desk.page.goto('/sign-in');
    const useMyPhone = desk.page.getByRole('button', { name: 'Use my phone', exact: true });
    await run.step(desk, {
      instruction: 'On a computer without your passkey, select **Use my phone**.',
      aside: 'Or choose **A phone or tablet** under **Where is your passkey?** and **Sign in with a passkey**: the browser shows a QR code to scan, and Bluetooth checks the phone is near.',
      target: useMyPhone,
    });
    await useMyPhone.click();
    const wait = new HandoffWaitPage(desk.page);
    await wait.qrCode.waitFor();
    const link = await wait.linkText();
    await run.step(desk, { instruction: 'Scan the QR code with your phone.', target: wait.qrCode, mask: handoffMask(wait) });

    const phone = await run.open('phone');
    await phone.authenticator.addCredential(synced(300));
    const phonePage = new HandoffPhonePage(phone.page);
    await phonePage.open(link);
    await phonePage.confirmItWasMe();
    await run.step(phone, {
      instruction: 'On the phone, confirm it was you, then select **Sign in with a passkey**.',
      aside: 'The phone asks for your face, fingerprint or PIN.',
      target: phonePage.signInWithPasskeyButton,
    });
    await phonePage.signInWithPasskey();
    await phonePage.done.waitFor();
    await desk.page.waitForURL(/\/account$/);
    const fromPhone = desk.page.getByRole('status').filter({ hasText: 'from your phone' });
    await fromPhone.waitFor();
    await run.step(desk, { instruction: 'The computer is signed in “from your phone”.', target: fromPhone });
  },
};
