/**
 * The messages between a page's simulated device and the test process. The page calls one
 * binding (Playwright's exposeBinding) with a message; the test process answers it. Everything
 * here crosses the page boundary, so it is plain JSON (binary values as base64url).
 */
import type { FailureKind } from '../core/soft-authenticator';
import type { DeviceOptions, PresetId, PromptDecision, PromptRequest, StoredPasskey } from '../core/types';

/** The binding's name on `window` (one per browser context). */
export const BINDING_NAME = '__passkeyLabSimulator';

export type PageMessage =
  /** Before each ceremony or capability query: which device to be, and a failure to play (once). */
  | { type: 'begin'; failures: boolean }
  | { type: 'list' }
  | { type: 'put'; passkey: StoredPasskey }
  | { type: 'remove'; id: string }
  /** The device asks the person; answered when the test (or automatic approval) decides. */
  | { type: 'prompt'; id: number; request: PromptRequest }
  /** The page gave up on a prompt (timeout, AbortController): the test no longer answers it. */
  | { type: 'prompt-aborted'; id: number }
  /** An attestation certificate for the device's own key (SPKI DER, base64url) → x5c, base64url DER. */
  | { type: 'issue'; publicKeySpki: string; aaguid: string; preset: PresetId };

export interface BeginAnswer {
  device: DeviceOptions;
  failure: FailureKind | null;
}

export type PromptAnswer = PromptDecision;
