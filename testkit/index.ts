/**
 * The Passkey Lab's QA kit for Playwright (see README.md next to this file):
 *
 *   import { test, expect, presets } from '<path>/testkit';
 *   test('…', async ({ page, simulator }) => {
 *     await simulator.use('microsoft-authenticator-ios'); // before the page loads
 *     …
 *   });
 */
export { presetIds, presets } from './core/presets';
export { createSimulatorCa, restoreSimulatorCa, type SimulatorCa } from './core/simulator-ca';
export type { FailureKind } from './core/soft-authenticator';
export type { AttestationIssuer, DeviceOptions, Preset, PresetId, StoredPasskey } from './core/types';
export { type SimulatorFixtures, test } from './playwright/fixture';
export { installSimulatorInContext, type IssuerOption, PasskeySimulator, type PromptInfo, type PromptKind, type SimulatedCredential, type SimulatorOptions, testProcessRootCertificate } from './playwright/simulator';
export { expect } from '@playwright/test';
