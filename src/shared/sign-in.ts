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

// The step-up names live in a module without zod, so the end-user pages that need them do not load it.
export { isStepUpReason, type StepUpReason, stepUpReasons, type StepUpRequiredBody } from './step-up.js';
