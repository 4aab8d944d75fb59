import { HandoffPhonePage, HandoffWaitPage } from '../../../e2e/pages/handoff-page';
import type { Scenario } from '../scenario';

/** The random parts of the hand-off page (QR code, link, code, countdown) are masked on the pictures. */
export const handoffMask = (wait: HandoffWaitPage) => [wait.qrCode, wait.link, wait.code, wait.countdown];

export const registerPhone: Scenario = {
  id: 'register-phone',
  title: 'Create a passkey on your phone (cross-device)',
  summary: 'For people who want the passkey on their phone while they sit at a computer. The phone then signs them in on any computer nearby.',
  async run(run) {
    const computer = await run.open('computer');
    const { page } = computer;
    await page.goto('/register');
    await page.getByRole('textbox', { name: 'Username', exact: true }).fill('sam');
    const phoneChoice = page.getByRole('radio', { name: 'A phone or tablet', exact: true });
    await phoneChoice.check();
    await run.step(computer, {
      instruction: 'On the computer, open **Register**, type your **Username** and choose **A phone or tablet**.',
      why: 'The page explains what comes next before anything happens: a QR code to scan, Bluetooth on both devices, the phone close by.',
      aside:
        'If you now select **Create a passkey**, the browser shows its own QR code. Scan it with the phone’s camera; Bluetooth checks that the phone is near the computer, ' +
        'which is what stops a phishing site from relaying the code. That window belongs to the browser, so it is not pictured here.',
      target: phoneChoice,
    });
    const useMyPhone = page.getByRole('button', { name: 'Use my phone', exact: true });
    await run.step(computer, {
      instruction: 'Without Bluetooth, select **Use my phone**: the lab hands over to your phone with a code of its own.',
      target: useMyPhone,
    });
    await useMyPhone.click();
    const wait = new HandoffWaitPage(page);
    await wait.qrCode.waitFor();
    const link = await wait.linkText();
    await run.step(computer, {
      instruction: 'Scan the QR code with your phone’s camera (or type the link or the short code shown under it).',
      why: 'The code expires after 5 minutes and works once. Unlike the browser’s own QR code, this one has no Bluetooth check, so only scan codes you started yourself.',
      target: wait.qrCode,
      mask: handoffMask(wait),
    });

    const phone = await run.open('phone');
    const phonePage = new HandoffPhonePage(phone.page);
    await phonePage.open(link);
    await run.step(phone, {
      instruction: 'On the phone, check which browser and system asked, then select **Yes, it was me**.',
      target: phonePage.itWasMeButton,
    });
    await phonePage.confirmItWasMe();
    await run.step(phone, {
      instruction: 'Select **Create a passkey**.',
      aside: 'The phone asks for your face, fingerprint or PIN, and keeps the new passkey.',
      target: phonePage.createPasskeyButton,
    });
    await phonePage.createPasskey();
    await phonePage.done.waitFor();
    await run.step(phone, { instruction: 'The phone says it is done: go back to the computer.', target: phonePage.done });

    await page.waitForURL(/\/account$/);
    const passkeys = page.getByRole('heading', { name: 'Your passkeys' });
    await passkeys.waitFor();
    await run.step(computer, {
      instruction: 'The computer noticed by itself and is signed in. The passkey lives on your phone; next time the browser offers the phone directly.',
      target: passkeys,
    });
  },
};
