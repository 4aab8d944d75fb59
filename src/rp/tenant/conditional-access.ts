import type { ConditionalAccessRule } from '../../shared/tenant.js';

/**
 * Whether a session's sign-in meets the rule's authentication strength. Phishing-resistant MFA
 * here means a passkey sign-in with user verification (the hand-off counts: the phone ran
 * one); a custom strength may also pin the passkey's AAGUID. Returns why not, or null.
 */
export function signInStrength(
  rule: ConditionalAccessRule,
  signedInWith: { method: string; userVerified: boolean; aaguid: string | null },
): string | null {
  if (rule.state !== 'enabled') return null;
  if (rule.requirePhishingResistant && !(['passkey', 'handoff'].includes(signedInWith.method) && signedInWith.userVerified)) {
    return signedInWith.method === 'temporaryAccessPass'
      ? 'You signed in with a Temporary Access Pass, which is not phishing-resistant. This app needs a passkey: verify with one to go on.'
      : 'This app needs a phishing-resistant sign-in: verify with a passkey to go on.';
  }
  if (rule.allowedAaguids.length > 0 && !(signedInWith.aaguid && rule.allowedAaguids.includes(signedInWith.aaguid))) {
    return 'This app accepts passkeys from specific authenticators only, and the one you signed in with is not one of them. Verify with a passkey from an allowed authenticator.';
  }
  return null;
}
