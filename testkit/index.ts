/**
 * The Passkey Lab's QA kit for Playwright (see README.md next to this file):
 *
 *   import { test, expect, presets } from '<path>/testkit';
 *   test('…', async ({ page, simulator }) => {
 *     await simulator.use('microsoft-authenticator-ios'); // before the page loads
 *     …
 *   });
 *
 * Chromium only (the DevTools protocol): `virtualAuthenticator`, `virtualAuthenticators` and
 * `Authenticators` drive Chromium's own virtual authenticator (README.md, "Which to use when").
 */
export { presetIds, presets } from './core/presets';
export { createSimulatorCa, restoreSimulatorCa, type SimulatorCa } from './core/simulator-ca';
export type { FailureKind } from './core/soft-authenticator';
export type { AttestationIssuer, DeviceId, DeviceOptions, Preset, PresetId, StoredPasskey } from './core/types';
export { type SimulatorFixtures, test, type VirtualAuthenticatorFixtures } from './playwright/fixture';
export { installSimulatorInContext, type IssuerOption, PasskeySimulator, type PromptInfo, type PromptKind, type SimulatedCredential, type SimulatorOptions, testProcessRootCertificate } from './playwright/simulator';
export {
  Authenticators,
  type CdpCredential,
  type Transport as CdpTransport,
  type DeletedCredential,
  platformAuthenticator,
  securityKey,
  syncedPasskeyProvider,
  toBase64url,
  VirtualAuthenticator,
  // Named for the CDP authenticator: the simulator's own are DeviceOptions and its Transport.
  type AuthenticatorOptions as VirtualAuthenticatorOptions,
  type VirtualCredential,
} from './playwright/virtual-authenticator';
export { expect } from '@playwright/test';
