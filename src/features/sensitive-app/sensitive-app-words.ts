/**
 * Plain words for the demo "sensitive app" (docs/api.md, "Conditional access"): how the person
 * signed in, why the app let them in, and why it asks them to step up. Pure, unit-tested.
 */
import type { SignInMethod, StepUpReason } from '../../shared/sign-in';
import type { SensitiveApp } from '../../shared/tenant';

/** How a session started, as a phrase: "a passkey", "a Temporary Access Pass", … */
export function methodWords(method: SignInMethod): string {
  switch (method) {
    case 'passkey':
      return 'a passkey';
    case 'temporaryAccessPass':
      return 'a Temporary Access Pass';
    case 'handoff':
      return 'your phone, through the lab’s hand-off';
    default:
      // A method this page does not know yet (a newer relying party): named as it is.
      return `“${String(method)}”`;
  }
}

export const UNKNOWN_PROVIDER_WORDS = 'an authenticator this lab does not recognise';

/** "Chromium virtual authenticator", or a description when the lab does not know the AAGUID. */
export function providerWords(providerName: string | null | undefined): string {
  return providerName ?? UNKNOWN_PROVIDER_WORDS;
}

/** Why the app let this session in, one sentence per reason. */
export function whyLetIn(app: Pick<SensitiveApp, 'signedInWith' | 'rule'>): string[] {
  const { rule, signedInWith } = app;
  if (rule.state === 'disabled') {
    return ['Its access rule is turned off at the moment, so anyone who is signed in may use it.'];
  }
  const out: string[] = [];
  if (rule.requirePhishingResistant) {
    out.push(
      signedInWith.method === 'passkey'
        ? 'It requires a phishing-resistant sign-in, and you signed in with a passkey that verified you (PIN, fingerprint or face). A passkey only works on the site it was made for, so a fake site could not have used it.'
        : signedInWith.method === 'handoff'
          ? 'It requires a phishing-resistant sign-in, and you signed in with a passkey on your phone that verified you (through the lab’s hand-off).'
          : `It requires a phishing-resistant sign-in, and this session counts as one although it started with ${methodWords(signedInWith.method)}.`,
    );
  } else {
    out.push(`It does not require a phishing-resistant sign-in at the moment, so your sign-in with ${methodWords(signedInWith.method)} is enough.`);
  }
  if (rule.allowedAaguids.length > 0) {
    out.push(
      `It also accepts only passkeys from certain providers, and yours (${providerWords(signedInWith.providerName)}) is one of them.`,
    );
  }
  return out;
}

/**
 * The explanation under "This app needs a passkey", from the reason the relying party gave
 * (`error.reason` of 403 step_up_required); the page never guesses it from the session.
 * `usedProvider`: the passkey the person just stepped up with, when that was still not enough.
 */
export function stepUpExplanation(reason: StepUpReason | undefined, usedProvider?: string | null): string {
  switch (reason) {
    case 'temporaryAccessPass':
      return 'You signed in with a Temporary Access Pass. It is fine for getting set up, but it is not phishing-resistant: a fake site that tricked you into typing it could use it too. This app needs a passkey, which only works on the real site.';
    case 'handoff':
      return 'You signed in from your phone through the lab’s hand-off. Your phone’s passkey verified you, but a fake site could have passed the hand-off’s link or code on to you, so it does not count as phishing-resistant. This app needs a passkey used on this computer (or through the browser’s own QR code, which checks that the phone is nearby).';
    case 'userNotVerified':
      return 'Your passkey sign-in did not verify you with a PIN, fingerprint or face. This app needs a passkey that does.';
    case 'aaguidNotAllowed':
      return usedProvider !== undefined
        ? `You verified with a passkey from ${providerWords(usedProvider)}, but this app accepts only passkeys from the providers your admin chose, and that one is not among them.`
        : 'You signed in with a passkey, but this app accepts only passkeys from the providers your admin chose, and the one you used is not among them.';
    default:
      return 'This app needs a sign-in with a passkey that verifies you (PIN, fingerprint or face).';
  }
}

/** What to do when a rule that names providers is what refused the passkey. */
export function providerAdvice(): string {
  return 'Verify with a passkey from an allowed provider (such as Microsoft Authenticator, if your organisation uses it), or ask your admin which providers this app accepts and how to set one up.';
}

/** The alert after a step-up whose passkey verified but was not enough. */
export function refusedStepUp(usedProvider: string | null): { title: string; action: string } {
  return {
    title: `Your passkey from ${providerWords(usedProvider)} verified you, but this app does not accept passkeys from that provider.`,
    action: providerAdvice(),
  };
}
