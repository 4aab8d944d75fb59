/**
 * Practice mode: a simulated device (testkit/) answers every passkey request in the tab, chosen
 * and driven through the pages as a person would: choose a device, register, approve or cancel
 * in the device's prompt, pick among several passkeys, pick from the autofill suggestions, stop
 * simulating; the phone's words for a hybrid request; and all of it in a browser without WebAuthn.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { HandoffPhonePage, HandoffWaitPage } from './pages/handoff-page';
import { PracticeMode } from './pages/practice-mode';
import { RegisterPage } from './pages/register-page';
import { SignInPage } from './pages/sign-in-page';

const AUTHENTICATOR_IPHONE = 'Microsoft Authenticator on iPhone';
const ICLOUD = 'iCloud Keychain';
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core, WCAG 2.2 A and AA, on one part of the page (a dialog, the banner), at a phone's and a desktop's width, light and dark. */
async function expectAccessible(page: Page, selector: string) {
  const viewport = page.viewportSize();
  for (const size of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page }).include(selector).withTags(WCAG_22_AA).analyze();
      const found = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      expect(found, `${selector} at ${size.width}px, ${colorScheme}`).toEqual([]);
    }
  }
  if (viewport) await page.setViewportSize(viewport);
  await page.emulateMedia({ colorScheme: null });
}

/** Registers `username` on /register through the simulated device's prompt (approved). */
async function registerWithPrompt(page: Page, practice: PracticeMode, username: string, device = AUTHENTICATOR_IPHONE) {
  const register = new RegisterPage(page);
  await register.open();
  await register.createPasskey(username);
  await practice.approve(device);
  await expect(register.passkeyReady).toBeVisible();
}

test.describe('practice mode', () => {
  test('chooses a simulated device: one option per preset, a banner that names it, focus on it', async ({ page }) => {
    test.slow(); // axe on the chooser and the banner, a reload and a second page
    const practice = new PracticeMode(page);
    await page.goto('/');
    await practice.openChooser();
    const options = practice.chooser.getByRole('radio');
    await expect(options).toHaveCount(9);
    await expect(practice.deviceOption(AUTHENTICATOR_IPHONE)).toHaveAccessibleDescription(/Device-bound, attested/);
    await expect(practice.deviceOption(ICLOUD)).toHaveAccessibleDescription(/Synced passkey/);
    await expectAccessible(page, 'dialog[open]');
    await practice.choose(AUTHENTICATOR_IPHONE);

    await expect(practice.banner).toContainText(AUTHENTICATOR_IPHONE);
    await expect(practice.banner).toContainText('Simulated device');
    await expect(practice.approveAutomatically).not.toBeChecked();
    await expect(practice.banner.getByText(AUTHENTICATOR_IPHONE)).toBeVisible();
    await expect(page.locator(':focus')).toContainText(AUTHENTICATOR_IPHONE);
    await expect(page.getByRole('region', { name: 'What this browser supports' })).toContainText('simulated device’s answers');
    await expectAccessible(page, '.practice-banner');

    // The choice lasts for this tab: a reload keeps it, and the menu reaches the chooser on any page.
    await page.reload();
    await expect(practice.banner).toContainText(AUTHENTICATOR_IPHONE);
    await page.goto('/capabilities');
    await practice.openChooserFromMenu();
    await expect(practice.deviceOption(AUTHENTICATOR_IPHONE)).toBeChecked();
    await practice.chooser.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(practice.chooser).toBeHidden();
  });

  test('registers through the device’s prompt: its words, Cancel refuses, Approve makes the passkey', async ({ page, username }) => {
    test.slow(); // axe at two widths, light and dark
    const practice = new PracticeMode(page);
    const register = new RegisterPage(page);
    await register.open();
    await practice.use(AUTHENTICATOR_IPHONE);
    await register.createPasskey(username);
    const prompt = practice.prompt(AUTHENTICATOR_IPHONE);
    await expect(prompt).toBeVisible();
    await expect(prompt).toContainText(`Save a passkey for “${username}” in Authenticator?`);
    await expect(prompt).toContainText('Site: localhost');
    await expect(prompt).toContainText('Simulated device prompt');
    await expect(practice.approveButton(AUTHENTICATOR_IPHONE)).toBeFocused();
    await expectAccessible(page, 'dialog[open]');

    await practice.cancelButton(AUTHENTICATOR_IPHONE).click();
    await expect(prompt).toBeHidden();
    await expect(register.error).toBeVisible();
    await expect(register.passkeyReady).toBeHidden();

    await register.createPasskeyButton.click();
    await practice.approve(AUTHENTICATOR_IPHONE);
    await expect(register.passkeyReady).toBeVisible();
    await expect(register.result).toContainText('Microsoft Authenticator (iOS)');
    // The passkey is the simulator's: kept in this browser's localStorage.
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('passkey-lab:simulator:passkeys') ?? '[]') as { userName: string; preset: string }[]);
    expect(stored).toEqual([expect.objectContaining({ userName: username, preset: 'microsoft-authenticator-ios' })]);
  });

  test('“Approve automatically” answers the prompt by itself', async ({ page, username }) => {
    const practice = new PracticeMode(page);
    const register = new RegisterPage(page);
    await register.open();
    await practice.use(ICLOUD);
    await practice.approveAutomatically.check();
    await register.createPasskey(username);
    await expect(register.passkeyReady).toBeVisible();
    await expect(practice.prompt(ICLOUD)).toHaveCount(0);
    await expect(register.result).toContainText('Synced passkey');
  });

  test('signs in picking one of several passkeys in the prompt, and from the autofill suggestions', async ({ page, context, username }) => {
    test.slow(); // two registrations and two sign-ins through the pages
    const practice = new PracticeMode(page);
    const signIn = new SignInPage(page);
    await page.goto('/register');
    await practice.use(AUTHENTICATOR_IPHONE);
    const first = `${username}-a`;
    const second = `${username}-b`;
    await registerWithPrompt(page, practice, first);
    await context.clearCookies();
    await registerWithPrompt(page, practice, second);
    await context.clearCookies();

    // Autofill: the request stays pending and the passkeys are offered under the username field.
    await page.goto('/sign-in');
    await expect(practice.suggestion(first)).toBeVisible();
    await expect(practice.suggestion(second)).toBeVisible();
    await expectAccessible(page, '.practice-autofill');
    await page.waitForTimeout(500);
    await expect(page).toHaveURL(/\/sign-in$/); // nothing happens until the person picks
    await expect(practice.prompt(AUTHENTICATOR_IPHONE)).toHaveCount(0);
    await practice.suggestion(second).click();
    await page.waitForURL(/\/account$/);
    await expect(practice.header.signedInAs(second)).toBeAttached();

    // The button: the device's prompt lists both passkeys.
    await context.clearCookies();
    await page.goto('/sign-in');
    await expect(practice.suggestion(first)).toBeVisible();
    await signIn.signInWithPasskeyButton.click();
    const prompt = practice.prompt(AUTHENTICATOR_IPHONE);
    await expect(prompt.getByRole('radiogroup', { name: 'Choose a passkey' }).getByRole('radio')).toHaveCount(2);
    await expect(practice.suggestions).toHaveCount(0); // the button's request replaced the autofill one
    await expectAccessible(page, 'dialog[open]');
    await practice.pickAndApprove(AUTHENTICATOR_IPHONE, first);
    await page.waitForURL(/\/account$/);
    await expect(practice.header.signedInAs(first)).toBeAttached();
  });

  test('a phone reached with the hint “A phone or tablet” says what the real hybrid flow would show', async ({ page, username }) => {
    const practice = new PracticeMode(page);
    const register = new RegisterPage(page);
    await register.open();
    await practice.use('Microsoft Authenticator on Android');
    await register.createPasskey(username, undefined, 'A phone or tablet');
    const prompt = practice.prompt('Microsoft Authenticator on Android');
    await expect(prompt).toContainText('Simulated cross-device');
    await expect(prompt).toContainText('QR code');
    await expect(prompt).toContainText('Bluetooth');
    await practice.approve('Microsoft Authenticator on Android');
    await expect(register.passkeyReady).toBeVisible();
  });

  test('the hand-off works with practice mode on the phone’s side', async ({ page, phone, username }) => {
    const register = new RegisterPage(page);
    await register.open();
    await register.useMyPhone(username);
    const wait = new HandoffWaitPage(page);
    const link = await wait.linkText();

    const phonePage = new HandoffPhonePage(phone.page);
    const practice = new PracticeMode(phone.page);
    await phonePage.open(link);
    await practice.openChooserFromMenu();
    await practice.choose(AUTHENTICATOR_IPHONE);
    await phonePage.confirmItWasMe();
    await phonePage.createPasskey();
    await practice.approve(AUTHENTICATOR_IPHONE);
    await expect(phonePage.done).toBeVisible();
    await page.waitForURL(/\/account$/);
  });

  test('stop simulating: the banner goes, focus goes to the heading, the page’s button comes back', async ({ page }) => {
    const practice = new PracticeMode(page);
    await page.goto('/sign-in');
    await practice.use(ICLOUD);
    await practice.stop();
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(practice.pageButton).toBeVisible();
    expect(await page.evaluate(() => sessionStorage.getItem('passkey-lab:practice-mode'))).toBeNull();
    await page.reload();
    await expect(practice.pageButton).toBeVisible();
    await expect(practice.banner).toHaveCount(0);
  });
});

test.describe('practice mode in a browser without WebAuthn', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      delete (window as { PublicKeyCredential?: unknown }).PublicKeyCredential;
    });
  });

  test('the home page says practice mode works here, and a simulated device registers and signs in', async ({ page, context, username }) => {
    const practice = new PracticeMode(page);
    await page.goto('/');
    await expect(page.getByText('This browser cannot use passkeys.')).toBeVisible();
    await expect(page.getByText('practice mode works here')).toBeVisible();
    await practice.openChooser();
    await practice.choose(AUTHENTICATOR_IPHONE);
    await expect(page.getByText('This browser cannot use passkeys.')).toHaveCount(0);

    await registerWithPrompt(page, practice, username);
    await context.clearCookies();
    await page.goto('/sign-in');
    await practice.suggestion(username).click();
    await page.waitForURL(/\/account$/);
    await expect(practice.header.signedInAs(username)).toBeAttached();
  });
});
