import { describe, expect, it } from 'vitest';
import { authenticatorUsed, isSignInMethod, signedInSentence } from './authenticator-used';

describe('authenticatorUsed', () => {
  it('calls a platform authenticator this device, whatever the transports say', () => {
    expect(authenticatorUsed('platform', ['internal'])).toBe('this-device');
    expect(authenticatorUsed('platform', ['hybrid', 'internal'])).toBe('this-device');
    expect(authenticatorUsed('platform', [])).toBe('this-device');
  });

  it('calls a cross-platform authenticator reached over hybrid (or cable) a phone', () => {
    expect(authenticatorUsed('cross-platform', ['hybrid'])).toBe('phone');
    expect(authenticatorUsed('cross-platform', ['cable'])).toBe('phone');
    expect(authenticatorUsed('cross-platform', ['hybrid', 'internal'])).toBe('phone');
  });

  it('calls any other cross-platform authenticator a security key', () => {
    expect(authenticatorUsed('cross-platform', ['usb'])).toBe('security-key');
    expect(authenticatorUsed('cross-platform', ['nfc', 'usb'])).toBe('security-key');
    expect(authenticatorUsed('cross-platform', [])).toBe('security-key');
  });

  it('falls back to the transports when the attachment is unknown', () => {
    expect(authenticatorUsed(undefined, ['hybrid', 'internal'])).toBe('phone');
    expect(authenticatorUsed(null, ['cable'])).toBe('phone');
    expect(authenticatorUsed(undefined, ['internal'])).toBe('this-device');
    expect(authenticatorUsed(undefined, ['usb'])).toBe('security-key');
    expect(authenticatorUsed('something-new', ['nfc'])).toBe('security-key');
    expect(authenticatorUsed(undefined, [])).toBeNull();
    expect(authenticatorUsed(undefined)).toBeNull();
  });
});

describe('signedInSentence', () => {
  it('says how the person signed in', () => {
    expect(signedInSentence('this-device')).toBe('You signed in with a passkey on this device.');
    expect(signedInSentence('phone')).toBe('You signed in with a passkey on a phone or tablet (hybrid).');
    expect(signedInSentence('security-key')).toBe('You signed in with a passkey on a security key.');
    expect(signedInSentence('handoff')).toBe('You signed in from your phone.');
  });

  it('recognises only known methods (navigation state is untrusted)', () => {
    expect(isSignInMethod('phone')).toBe(true);
    expect(isSignInMethod('handoff')).toBe(true);
    expect(isSignInMethod('password')).toBe(false);
    expect(isSignInMethod(undefined)).toBe(false);
  });
});
