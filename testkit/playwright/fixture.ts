/**
 * The Playwright fixture `simulator`: a simulated passkey device in the test's browser context.
 *
 *   test.use({ simulatorOptions: { issuer: { url: '/api/simulator/attestation-certificate' } } });
 *   test('…', async ({ page, simulator }) => { await simulator.use('yubikey-5'); … });
 */
import { test as base } from '@playwright/test';
import { installSimulatorInContext, type PasskeySimulator, type SimulatorOptions } from './simulator';

export interface SimulatorFixtures {
  /** Options for the context's device (`test.use({ simulatorOptions })`). */
  simulatorOptions: SimulatorOptions;
  /** The simulated device of the test's context: its passkeys, prompts and failures. */
  simulator: PasskeySimulator;
}

export const test = base.extend<SimulatorFixtures>({
  simulatorOptions: [{}, { option: true }],
  simulator: async ({ context, simulatorOptions }, use) => {
    await use(await installSimulatorInContext(context, simulatorOptions));
  },
});
