import type { ConditionalAccessRule } from '../../shared/tenant.js';

/**
 * Whether a session's sign-in meets the rule's authentication strength. Phishing-resistant MFA
 * here means a passkey sign-in with user verification on this browser. The lab's two-device
 * hand-off does not count: the phone's passkey was used, but the link it approved could have
 * been relayed by a phishing page (it has no proximity check), so the computer steps up. A
 * custom strength may also pin the passkey's AAGUID. Returns why not, or null.
 */
export function signInStrength(
  rule: ConditionalAccessRule,
  signedInWith: { method: string; userVerified: boolean; aaguid: string | null },
): string | null {
  if (rule.state !== 'enabled') return null;
  if (rule.requirePhishingResistant && !(signedInWith.method === 'passkey' && signedInWith.userVerified)) {
    return signedInWith.method === 'temporaryAccessPass'
      ? 'You signed in with a Temporary Access Pass, which is not phishing-resistant. This app needs a passkey: verify with one to go on.'
      : signedInWith.method === 'handoff'
        ? 'You signed in through the lab’s phone hand-off, which a phishing page could relay. This app needs a passkey used on this computer (or the browser’s own QR code): verify with one to go on.'
        : 'This app needs a phishing-resistant sign-in: verify with a passkey to go on.';
  }
  if (rule.allowedAaguids.length > 0 && !(signedInWith.aaguid && rule.allowedAaguids.includes(signedInWith.aaguid))) {
    return 'This app accepts passkeys from specific authenticators only, and the one you signed in with is not one of them. Verify with a passkey from an allowed authenticator.';
  }
  return null;
}
