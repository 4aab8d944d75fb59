import type { SignInMethod, StepUpReason } from '../../shared/sign-in.js';
import type { ConditionalAccessRule } from '../../shared/tenant.js';

/** How a session signed in, as far as the rule cares. */
export interface SignedInWith {
  method: SignInMethod;
  userVerified: boolean;
  aaguid: string | null;
}

/** Why a session has to step up: the reason the SPA words the page from, and a sentence for everyone else. */
export interface StepUp {
  reason: StepUpReason;
  message: string;
}

const stepUpMessages: Record<StepUpReason, string> = {
  temporaryAccessPass:
    'You signed in with a Temporary Access Pass, which is not phishing-resistant. This app needs a passkey: verify with one to go on.',
  handoff:
    'You signed in through the lab’s phone hand-off, which a phishing page could relay. This app needs a passkey used on this computer (or the browser’s own QR code): verify with one to go on.',
  userNotVerified: 'This app needs a phishing-resistant sign-in: verify with a passkey to go on.',
  aaguidNotAllowed:
    'This app accepts passkeys from specific authenticators only, and the one you signed in with is not one of them. Verify with a passkey from an allowed authenticator.',
};

/**
 * Whether a session's sign-in meets the rule's authentication strength. Phishing-resistant MFA
 * here means a passkey sign-in with user verification on this browser. The lab's two-device
 * hand-off does not count: the phone's passkey was used, but the link it approved could have
 * been relayed by a phishing page (it has no proximity check), so the computer steps up. A
 * custom strength may also pin the passkey's AAGUID. Returns why not, or null. Pure.
 */
export function signInStrength(rule: ConditionalAccessRule, signedInWith: SignedInWith): StepUp | null {
  const refuse = (reason: StepUpReason): StepUp => ({ reason, message: stepUpMessages[reason] });
  if (rule.state !== 'enabled') return null;
  if (rule.requirePhishingResistant && !(signedInWith.method === 'passkey' && signedInWith.userVerified)) {
    if (signedInWith.method === 'temporaryAccessPass') return refuse('temporaryAccessPass');
    if (signedInWith.method === 'handoff') return refuse('handoff');
    return refuse('userNotVerified');
  }
  if (rule.allowedAaguids.length > 0 && !(signedInWith.aaguid && rule.allowedAaguids.includes(signedInWith.aaguid))) {
    return refuse('aaguidNotAllowed');
  }
  return null;
}
