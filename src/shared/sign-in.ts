/**
 * How a session signed in, and why the demo "sensitive app" may ask it to step up
 * (docs/api.md, "Conditional access"). Both runtimes use these names instead of string literals.
 */
import { z } from 'zod';

/**
 * - `passkey`: a WebAuthn sign-in (or the registration that created the account) in this browser;
 * - `handoff`: the lab's two-device hand-off, approved by a passkey on the phone;
 * - `temporaryAccessPass`: a Temporary Access Pass, not phishing-resistant.
 */
export const signInMethods = ['passkey', 'handoff', 'temporaryAccessPass'] as const;
export type SignInMethod = (typeof signInMethods)[number];
export const signInMethodSchema = z.enum(signInMethods);

export function isSignInMethod(value: unknown): value is SignInMethod {
  return typeof value === 'string' && (signInMethods as readonly string[]).includes(value);
}

/**
 * Why `403 step_up_required` refused a session (its `error.reason`), decided by the relying party:
 * - `temporaryAccessPass`: the session started with a Temporary Access Pass;
 * - `handoff`: it started with the lab's hand-off, whose link a phishing page could relay;
 * - `userNotVerified`: a passkey sign-in that did not verify the user (no PIN or biometric);
 * - `aaguidNotAllowed`: the passkey's AAGUID is not one the rule allows.
 */
export const stepUpReasons = ['temporaryAccessPass', 'handoff', 'userNotVerified', 'aaguidNotAllowed'] as const;
export type StepUpReason = (typeof stepUpReasons)[number];

export function isStepUpReason(value: unknown): value is StepUpReason {
  return typeof value === 'string' && (stepUpReasons as readonly string[]).includes(value);
}

/** The body of `403 step_up_required`: the contract's error with its reason. */
export interface StepUpRequiredBody {
  error: { code: 'step_up_required'; message: string; reason: StepUpReason };
}
