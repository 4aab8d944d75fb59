import { describe, expect, it } from 'vitest';
import { CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID, MICROSOFT_AUTHENTICATOR_AAGUIDS } from '../../shared/policy';
import type { SignInMethod } from '../../shared/sign-in';
import type { ConditionalAccessRule, SensitiveApp } from '../../shared/tenant';
import { methodWords, refusedStepUp, stepUpExplanation, UNKNOWN_PROVIDER_WORDS, whyLetIn } from './sensitive-app-words';

const rule = (over: Partial<ConditionalAccessRule> = {}): ConditionalAccessRule => ({
  state: 'enabled',
  requirePhishingResistant: true,
  allowedAaguids: [],
  ...over,
});

const passkey: SensitiveApp['signedInWith'] = {
  method: 'passkey',
  userVerified: true,
  aaguid: CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID,
  providerName: 'Chromium virtual authenticator',
  simulated: false,
};

describe('why the sensitive app let someone in', () => {
  it('names the phishing-resistant passkey sign-in', () => {
    const [first, ...rest] = whyLetIn({ signedInWith: passkey, rule: rule() });
    expect(first).toContain('requires a phishing-resistant sign-in, and you signed in with a passkey that verified you');
    expect(rest).toEqual([]);
  });

  it('adds the provider when the rule names allowed providers', () => {
    const sentences = whyLetIn({ signedInWith: passkey, rule: rule({ allowedAaguids: [MICROSOFT_AUTHENTICATOR_AAGUIDS.iOS] }) });
    expect(sentences[1]).toContain('yours (Chromium virtual authenticator) is one of them');
    const unknown = whyLetIn({ signedInWith: { ...passkey, providerName: null }, rule: rule({ allowedAaguids: [passkey.aaguid as string] }) });
    expect(unknown[1]).toContain(UNKNOWN_PROVIDER_WORDS);
  });

  it('says when the rule asks for nothing', () => {
    expect(whyLetIn({ signedInWith: { ...passkey, method: 'temporaryAccessPass' }, rule: rule({ state: 'disabled' }) })).toEqual([
      'Its access rule is turned off at the moment, so anyone who is signed in may use it.',
    ]);
    expect(whyLetIn({ signedInWith: { ...passkey, method: 'temporaryAccessPass' }, rule: rule({ requirePhishingResistant: false }) })[0]).toContain(
      'your sign-in with a Temporary Access Pass is enough',
    );
  });
});

describe('why the sensitive app asks to step up', () => {
  it('words each reason the relying party gives, and nothing else', () => {
    // A verified hand-off is refused for being a hand-off, not for its provider.
    const handoff = stepUpExplanation('handoff');
    expect(handoff).toContain('You signed in from your phone through the lab’s hand-off');
    expect(handoff).toContain('does not count as phishing-resistant');
    expect(handoff).not.toContain('providers your admin chose');
    expect(stepUpExplanation('userNotVerified')).toContain('did not verify you with a PIN, fingerprint or face');
    expect(stepUpExplanation(undefined)).toBe('This app needs a sign-in with a passkey that verifies you (PIN, fingerprint or face).');
  });

  it('explains a Temporary Access Pass in plain words', () => {
    const text = stepUpExplanation('temporaryAccessPass');
    expect(text).toContain('You signed in with a Temporary Access Pass');
    expect(text).toContain('not phishing-resistant');
    expect(text).toContain('This app needs a passkey');
  });

  it('names the provider of a passkey the rule does not allow', () => {
    expect(stepUpExplanation('aaguidNotAllowed', 'Chromium virtual authenticator')).toContain(
      'You verified with a passkey from Chromium virtual authenticator, but this app accepts only passkeys from the providers your admin chose',
    );
    expect(stepUpExplanation('aaguidNotAllowed', null)).toContain(UNKNOWN_PROVIDER_WORDS);
    expect(stepUpExplanation('aaguidNotAllowed')).toContain('the one you used is not among them');
    const refused = refusedStepUp('Chromium virtual authenticator');
    expect(refused.title).toBe('Your passkey from Chromium virtual authenticator verified you, but this app does not accept passkeys from that provider.');
    expect(refused.action).toMatch(/^Verify with a passkey from an allowed provider.*\.$/);
  });

  it('words every method', () => {
    // 'x': a method a newer relying party might send.
    expect((['passkey', 'temporaryAccessPass', 'handoff', 'x'] as SignInMethod[]).map(methodWords)).toEqual([
      'a passkey',
      'a Temporary Access Pass',
      'your phone, through the lab’s hand-off',
      '“x”',
    ]);
  });
});
