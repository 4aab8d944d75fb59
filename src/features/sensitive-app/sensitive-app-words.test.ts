import { describe, expect, it } from 'vitest';
import { MICROSOFT_AUTHENTICATOR_AAGUIDS } from '../../shared/policy';
import type { ConditionalAccessRule, SensitiveApp } from '../../shared/tenant';
import { methodWords, refusedStepUp, stepUpExplanation, stepUpReason, UNKNOWN_PROVIDER_WORDS, whyLetIn } from './sensitive-app-words';

const rule = (over: Partial<ConditionalAccessRule> = {}): ConditionalAccessRule => ({
  state: 'enabled',
  requirePhishingResistant: true,
  allowedAaguids: [],
  ...over,
});

const passkey: SensitiveApp['signedInWith'] = {
  method: 'passkey',
  userVerified: true,
  aaguid: '01020304-0506-0708-0102-030405060708',
  providerName: 'Chromium virtual authenticator',
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
  it('tells the reasons apart from the session', () => {
    expect(stepUpReason({ method: 'temporaryAccessPass', userVerified: false })).toBe('temporaryAccessPass');
    expect(stepUpReason({ method: 'handoff', userVerified: true })).toBe('provider');
    expect(stepUpReason({ method: 'handoff', userVerified: false })).toBe('notVerified');
    expect(stepUpReason({ method: 'passkey', userVerified: false })).toBe('notVerified');
    expect(stepUpReason({ method: 'passkey', userVerified: true })).toBe('provider');
    expect(stepUpReason(undefined)).toBe('other');
    expect(stepUpReason({ method: 'password', userVerified: true })).toBe('other');
  });

  it('explains a Temporary Access Pass in plain words', () => {
    const text = stepUpExplanation('temporaryAccessPass');
    expect(text).toContain('You signed in with a Temporary Access Pass');
    expect(text).toContain('not phishing-resistant');
    expect(text).toContain('This app needs a passkey');
  });

  it('names the provider of a passkey the rule does not allow', () => {
    expect(stepUpExplanation('provider', 'Chromium virtual authenticator')).toContain(
      'You verified with a passkey from Chromium virtual authenticator, but this app accepts only passkeys from the providers your admin chose',
    );
    expect(stepUpExplanation('provider', null)).toContain(UNKNOWN_PROVIDER_WORDS);
    expect(stepUpExplanation('provider')).toContain('the one you used is not among them');
    const refused = refusedStepUp('Chromium virtual authenticator');
    expect(refused.title).toBe('Your passkey from Chromium virtual authenticator verified you, but this app does not accept passkeys from that provider.');
    expect(refused.action).toMatch(/^Verify with a passkey from an allowed provider.*\.$/);
  });

  it('words every method', () => {
    expect(['passkey', 'temporaryAccessPass', 'handoff', 'x'].map(methodWords)).toEqual([
      'a passkey',
      'a Temporary Access Pass',
      'your phone, through the lab’s hand-off',
      '“x”',
    ]);
  });
});
