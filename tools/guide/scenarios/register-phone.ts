import { HandoffPhonePage, HandoffWaitPage } from '../../../e2e/pages/handoff-page';
import { RegisterPage } from '../../../e2e/pages/register-page';
import { SiteHeader } from '../../../e2e/pages/site-header';
import type { Scenario } from '../scenario';

/** The random parts of the hand-off page (QR code, link, code, countdown) are masked on the pictures. */
export const handoffMask = (wait: HandoffWaitPage) => [wait.qrCode, wait.link, wait.code, wait.countdown];

/** The phone's passkey app, simulated by the lab's practice mode (no Authenticator app needed in the room). */
const PHONE_DEVICE = 'Microsoft Authenticator on iPhone';

export const registerPhone: Scenario = {
  id: 'register-phone',
  title: 'Create a passkey on your phone (cross-device)',
  summary:
    'For people who want the passkey on their phone while they sit at a computer. The phone then signs them in on any computer nearby. ' +
    'Here the phone’s Microsoft Authenticator is simulated by the lab’s practice mode, so the pictures show the simulated prompt where the real app shows its own.',
  async run(run) {
    const computer = await run.open('computer');
    const { page } = computer;
    await page.goto('/register');
    await page.getByRole('textbox', { name: 'Username', exact: true }).fill('sam');
    const place = new RegisterPage(page).place;
    await place.choose('A phone or tablet');
    const phoneChoice = place.radio('A phone or tablet');
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
    const header = new SiteHeader(phone.page);
    await header.openMenu();
    const practiseItem = header.banner.getByRole('button', { name: 'Practise with a simulated device', exact: true });
    await run.step(phone, {
      instruction: 'In training, without the Authenticator app: on the phone open **Menu** and choose **Practise with a simulated device**.',
      why: 'Practice mode puts a simulated device behind this browser tab. It behaves like the real one (same AAGUID, attestation, prompts), but its passkeys are for practice, not real security.',
      target: practiseItem,
    });
    await practiseItem.click();
    const practice = await run.practiseReady(phone);
    await practice.deviceOption(PHONE_DEVICE).check();
    await run.step(phone, {
      instruction: `Choose **${PHONE_DEVICE}** and select **Use this device**.`,
      simulated: 'with the real app installed, skip this: the phone’s own Microsoft Authenticator answers.',
      target: practice.useThisDeviceButton,
    });
    await practice.useThisDeviceButton.click();
    await practice.banner.waitFor();
    await run.step(phone, {
      instruction: 'On the phone, check which browser and system asked, then select **Yes, it was me**.',
      target: phonePage.itWasMeButton,
    });
    await phonePage.confirmItWasMe();
    await run.step(phone, { instruction: 'Select **Create a passkey**.', target: phonePage.createPasskeyButton });
    await phonePage.createPasskey();
    const approve = practice.approveButton(PHONE_DEVICE);
    await approve.waitFor();
    await run.step(phone, {
      instruction: 'The phone asks to save a passkey for **sam** in Authenticator: approve it.',
      simulated: 'a real iPhone shows its own passkey sheet here (“Save a passkey in Authenticator?”) and asks for Face ID, Touch ID or the phone’s PIN.',
      target: approve,
    });
    await approve.click();
    await phonePage.done.waitFor();
    await run.step(phone, { instruction: 'The phone says it is done: go back to the computer.', target: phonePage.done });

    await page.waitForURL(/\/account$/);
    const passkeys = page.getByRole('heading', { name: 'Your passkeys' });
    await passkeys.waitFor();
    await run.step(computer, {
      instruction: 'The computer noticed by itself and is signed in. The passkey lives on your phone, in Microsoft Authenticator.',
      target: passkeys,
    });

    // Later: signing in on the computer with the passkey on the phone.
    await new SiteHeader(page).signOut();
    await page.waitForURL(/\/sign-in/);
    const useMyPhoneToSignIn = page.getByRole('button', { name: 'Use my phone', exact: true });
    await useMyPhoneToSignIn.click();
    const signInWait = new HandoffWaitPage(page);
    await signInWait.qrCode.waitFor();
    const signInLink = await signInWait.linkText();
    await run.step(computer, {
      instruction: 'Next time, on the computer’s **Sign in** page, select **Use my phone** and scan the QR code with the phone.',
      target: signInWait.qrCode,
      mask: handoffMask(signInWait),
    });
    await phonePage.open(signInLink);
    await phonePage.confirmItWasMe();
    await phonePage.signInWithPasskey();
    const approveSignIn = practice.approveButton(PHONE_DEVICE);
    await approveSignIn.waitFor();
    await run.step(phone, {
      instruction: 'On the phone, select **Yes, it was me** and **Sign in with a passkey**, then approve the sign-in for **sam**.',
      simulated: 'a real iPhone shows its own sheet here (“Sign in with your passkey?”) and asks for Face ID, Touch ID or the phone’s PIN.',
      target: approveSignIn,
    });
    await approveSignIn.click();
    await phonePage.done.waitFor();
    await page.waitForURL(/\/account$/);
    const fromPhone = page.getByRole('status').filter({ hasText: 'from your phone' });
    await fromPhone.waitFor();
    await run.step(computer, { instruction: 'The computer is signed in “from your phone”.', target: fromPhone });
  },
};
