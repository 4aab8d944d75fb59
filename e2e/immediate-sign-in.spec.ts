/**
 * Immediate sign-in on /sign-in (docs/entra-2026.md, "Immediate sign-in"), with a simulated
 * device from the QA kit (testkit/): Chromium's virtual authenticators may not support
 * `uiMode: 'immediate'`, the simulator does, and reports `immediateGet` in
 * getClientCapabilities(). Two cases: a passkey at hand signs in without a prompt; none leaves
 * the person on the username form, again without a prompt.
 */
import type { BrowserContext } from '@playwright/test';
import { installSimulatorInContext, type PasskeySimulator } from '../testkit';
import { expect, test } from './fixtures';

async function simulate(context: BrowserContext): Promise<PasskeySimulator> {
  return installSimulatorInContext(context, { device: 'windows-hello-hardware' });
}

/** No dialog-kind prompt reached the simulated device within a moment. */
async function expectNoPrompt(simulator: PasskeySimulator): Promise<void> {
  await expect(simulator.nextPrompt({ timeout: 1_000 })).rejects.toThrow();
}

test('a passkey at hand on this device: signed in at once', async ({ page, context, registerPage, signInPage, rp, username }) => {
  const simulator = await simulate(context);
  await registerPage.open();
  await registerPage.createPasskey(username);
  await expect(registerPage.result).toBeVisible();
  expect(simulator.credentials()).toHaveLength(1);
  await rp.signOut();

  simulator.approveAutomatically(false);
  await signInPage.open();
  const immediate = page.getByRole('button', { name: 'Use a passkey on this device', exact: true });
  await immediate.click();
  const prompt = await simulator.nextPrompt();
  expect(prompt).toMatchObject({ ceremony: 'get', mediation: 'immediate', candidates: [{ userName: username }] });
  await simulator.approve();
  await expect(page).toHaveURL(/\/account/);
  expect(await rp.session()).toMatchObject({ method: 'passkey', user: { username } });
});

test('no passkey on this device: straight to the username form, no prompt', async ({ page, context, signInPage, rp }) => {
  const simulator = await simulate(context);
  simulator.approveAutomatically(false);
  await signInPage.open();
  await page.getByRole('button', { name: 'Use a passkey on this device', exact: true }).click();
  await expect(signInPage.username).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'No passkey for this site on this device' })).toBeVisible();
  await expectNoPrompt(simulator);
  await expect(signInPage.error).toHaveCount(0);
  expect(await rp.session()).toBeNull();
});

test('a browser without immediate sign-in shows the page as before', async ({ page, signInPage }) => {
  await page.addInitScript(() => {
    const statics = PublicKeyCredential as unknown as { getClientCapabilities?: unknown };
    delete statics.getClientCapabilities;
    Object.defineProperty(PublicKeyCredential, 'getClientCapabilities', { value: undefined, configurable: true });
  });
  await signInPage.open();
  await expect(signInPage.signInWithPasskeyButton).toBeVisible();
  await expect(page.getByRole('button', { name: 'Use a passkey on this device' })).toHaveCount(0);
});
