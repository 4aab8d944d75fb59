/**
 * Why the demo "sensitive app" may ask a session to step up (docs/api.md, "Conditional access").
 * No zod here: the sensitive app's page imports it, and zod belongs to admin pages only
 * (tools/bench/bundle-graph.test.ts). src/shared/sign-in.ts re-exports it.
 */

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
