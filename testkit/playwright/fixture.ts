/**
 * The Playwright fixtures of the kit:
 * - `simulator`: a simulated passkey device in the test's browser context (every browser);
 * - `virtualAuthenticator` / `virtualAuthenticators`: Chromium's own virtual authenticator over
 *   CDP, for what only it does (CHROMIUM ONLY: skipped, with the reason, in other browsers).
 *
 *   test.use({ simulatorOptions: { issuer: { url: '/api/simulator/attestation-certificate' } } });
 *   test('…', async ({ page, simulator }) => { await simulator.use('yubikey-5'); … });
 *   test('…', async ({ page, virtualAuthenticator, virtualAuthenticators }) => { … });
 */
import { test as base } from '@playwright/test';
import { installSimulatorInContext, type PasskeySimulator, type SimulatorOptions } from './simulator';
import { type AuthenticatorOptions, Authenticators, chromiumOnly, type VirtualAuthenticator } from './virtual-authenticator';

export interface SimulatorFixtures {
  /** Options for the context's device (`test.use({ simulatorOptions })`). */
  simulatorOptions: SimulatorOptions;
  /** The simulated device of the test's context: its passkeys, prompts and failures. */
  simulator: PasskeySimulator;
}

export interface VirtualAuthenticatorFixtures {
  /**
   * Options of `virtualAuthenticator` (`test.use({ virtualAuthenticatorOptions: securityKey })`):
   * the platform defaults (internal, resident keys, UV that succeeds, automatic presence) overridden.
   */
  virtualAuthenticatorOptions: AuthenticatorOptions;
  /**
   * The CDP virtual authenticators of the test's `page` (Chromium only): add or remove more,
   * wait for their events (`nextCredentialAdded()` …). The test is skipped in other browsers.
   */
  virtualAuthenticators: Authenticators;
  /** One CDP virtual authenticator on the test's `page`, added before the test runs (Chromium only). */
  virtualAuthenticator: VirtualAuthenticator;
}

export const test = base.extend<SimulatorFixtures & VirtualAuthenticatorFixtures>({
  simulatorOptions: [{}, { option: true }],
  simulator: async ({ context, simulatorOptions }, use) => {
    await use(await installSimulatorInContext(context, simulatorOptions));
  },

  virtualAuthenticatorOptions: [{}, { option: true }],
  virtualAuthenticators: async ({ page, browserName }, use, testInfo) => {
    // A test that needs Chromium's own authenticator cannot say anything in another browser.
    testInfo.skip(browserName !== 'chromium', chromiumOnly(browserName));
    const authenticators = await Authenticators.attach(page);
    await use(authenticators);
    await authenticators.dispose();
  },
  virtualAuthenticator: async ({ virtualAuthenticators, virtualAuthenticatorOptions }, use) => {
    // Removed with the others by `virtualAuthenticators`' teardown.
    await use(await virtualAuthenticators.add(virtualAuthenticatorOptions));
  },
});
