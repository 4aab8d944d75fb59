import { WebAuthnError, type WebAuthnErrorCode } from '@simplewebauthn/browser';
import { describe, expect, it } from 'vitest';
import type { DecodedAuthenticatorData } from '../shared/decoded';
import { type ErrorCode, errorCodes } from '../shared/error-codes';
import type { CeremonyReport } from '../shared/schemas';
import { ApiError, NETWORK_ERROR, UNEXPECTED_RESPONSE } from './api-client';
import {
  afterTypedUsername,
  apiErrorMessages,
  contextualErrorMessages,
  describeError,
  type ErrorContext,
  isCeremonyAborted,
  networkErrorMessage,
  passkeyTypeMessages,
  unknownErrorMessage,
  webAuthnErrorMessages,
} from './error-messages';

function domException(name: string, message = 'raw browser text'): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

function webAuthnError(code: WebAuthnErrorCode, cause: Error = domException('UnknownError')) {
  return new WebAuthnError({ code, message: 'raw library text', cause });
}

const sentence = /^[A-Z].*[.]$/;

describe('describeError', () => {
  it('has two sentences for every relying-party error code', () => {
    for (const code of Object.keys(errorCodes) as ErrorCode[]) {
      const message = describeError(new ApiError({ status: errorCodes[code].status, code, message: 'server text' }));
      expect(message).toBe(apiErrorMessages[code]);
      expect(message.title).toMatch(sentence);
      expect(message.action).toMatch(sentence);
    }
  });

  it('has two sentences for every WebAuthnError code', () => {
    for (const code of Object.keys(webAuthnErrorMessages) as WebAuthnErrorCode[]) {
      const message = describeError(webAuthnError(code));
      expect(message.title).toMatch(sentence);
      expect(message.action).toMatch(sentence);
    }
  });

  it('uses the wording the end-to-end tests rely on', () => {
    expect(describeError(webAuthnError('ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED', domException('InvalidStateError'))).title).toContain(
      'already registered on this authenticator',
    );
    expect(describeError(new ApiError({ status: 400, code: 'credential_not_found', message: '' })).title).toContain('not registered here');
    const notAllowed = describeError(webAuthnError('ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY', domException('NotAllowedError')));
    expect(notAllowed.title).toContain('was cancelled or could not verify you');
  });

  it('after a typed username, a refusal says to check the name; other messages stay as they are', () => {
    const refused = describeError(webAuthnError('ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY', domException('NotAllowedError')));
    expect(afterTypedUsername(refused).title).toBe(refused.title);
    expect(afterTypedUsername(refused).action).toMatch(/^Check the username, then try again/);
    expect(afterTypedUsername(describeError(domException('TimeoutError'))).action).toMatch(/^Check the username/);
    const network = describeError(new TypeError('Failed to fetch'));
    expect(afterTypedUsername(network)).toBe(network);
  });

  it('reads the cause of a pass-through error', () => {
    expect(describeError(webAuthnError('ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY', domException('SecurityError'))).title).toMatch(/security/);
    expect(describeError(webAuthnError('ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY', domException('WeirdError')))).toBe(
      webAuthnErrorMessages.ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY,
    );
  });

  it('maps DOMExceptions thrown directly by navigator.credentials', () => {
    expect(describeError(domException('NotAllowedError')).title).toContain('was cancelled or could not verify you');
    expect(describeError(domException('InvalidStateError')).title).toContain('already registered on this authenticator');
    expect(describeError(domException('AbortError'))).toBe(webAuthnErrorMessages.ERROR_CEREMONY_ABORTED);
  });

  it('tells a network failure from a server failure', () => {
    expect(describeError(new ApiError({ status: 0, code: NETWORK_ERROR, message: '' }))).toBe(networkErrorMessage);
    expect(describeError(new TypeError('Failed to fetch'))).toBe(networkErrorMessage);
    expect(describeError(new ApiError({ status: 502, code: UNEXPECTED_RESPONSE, message: '' }))).toBe(apiErrorMessages.internal_error);
  });

  it('treats an unknown challenge_ code like a missing challenge', () => {
    expect(describeError(new ApiError({ status: 400, code: 'challenge_reused', message: '' }))).toBe(apiErrorMessages.challenge_missing);
  });

  it('never shows raw exception text', () => {
    for (const error of [new Error('secret stack detail'), 'a string', null, undefined, 42, { code: 'nope' }]) {
      expect(describeError(error)).toBe(unknownErrorMessage);
    }
    const message = describeError(new ApiError({ status: 418, code: 'teapot', message: 'raw server text' }));
    expect(JSON.stringify(message)).not.toContain('raw server text');
  });
});

function refused(code: ErrorCode, ceremony?: CeremonyReport['ceremony']): ApiError {
  const report: CeremonyReport | undefined = ceremony
    ? { ceremony, options: null, decoded: {}, checks: [{ id: 'policy', passed: false, message: 'server text', code }] }
    : undefined;
  return new ApiError({ status: errorCodes[code].status, code, message: 'server text', report });
}

describe('describeError: the tenant policy and Temporary Access Pass codes', () => {
  const tenantCodes = [
    'tap_invalid',
    'tap_expired',
    'tap_used',
    'step_up_required',
    'self_service_not_allowed',
    'snooze_limit_reached',
    'group_exists',
    'group_in_use',
    'aaguid_blocked',
    'attestation_required',
    'passkey_type_not_allowed',
    'policy_disabled',
    'not_in_policy_scope',
  ] as const satisfies readonly ErrorCode[];

  it('maps every new code to two sentences of its own', () => {
    const titles = new Set<string>();
    for (const code of tenantCodes) {
      const message = describeError(refused(code));
      expect(message, code).toBe(apiErrorMessages[code]);
      expect(message.title, code).toMatch(sentence);
      expect(message.action, code).toMatch(sentence);
      titles.add(message.title);
    }
    expect(titles.size).toBe(tenantCodes.length);
  });

  it('has two sentences for every contextual wording, each different from the plain one', () => {
    for (const [context, messages] of Object.entries(contextualErrorMessages)) {
      for (const [code, message] of Object.entries(messages)) {
        expect(message.title, `${context} ${code}`).toMatch(sentence);
        expect(message.action, `${context} ${code}`).toMatch(sentence);
        expect(message, `${context} ${code}`).not.toEqual(apiErrorMessages[code as ErrorCode]);
      }
    }
  });

  it('tells a blocked authenticator at registration from one at sign-in, by the report', () => {
    const atRegistration = describeError(refused('aaguid_blocked', 'registration'));
    expect(atRegistration.title).toContain('only allows certain authenticators');
    expect(atRegistration.action).toContain('such as Microsoft Authenticator');
    const atSignIn = describeError(refused('aaguid_blocked', 'authentication'));
    expect(atSignIn.title).toContain('no longer allows the authenticator this passkey is on');
    expect(atSignIn.action).toContain('ask your admin for a Temporary Access Pass');
    // Without a report or a context: the plain wording.
    expect(describeError(refused('aaguid_blocked'))).toBe(apiErrorMessages.aaguid_blocked);
  });

  it('lets the caller name the context, which wins over the report', () => {
    expect(describeError(refused('aaguid_blocked'), 'sign-in')).toBe(contextualErrorMessages['sign-in'].aaguid_blocked);
    expect(describeError(refused('aaguid_blocked', 'registration'), 'sign-in')).toBe(contextualErrorMessages['sign-in'].aaguid_blocked);
    expect(describeError(refused('passkey_type_not_allowed', 'authentication')).title).toContain('no longer allows this type of passkey');
    expect(describeError(refused('attestation_required', 'registration')).title).toContain('prove their make and model');
  });

  it('says which type of passkey was refused when the report shows its backup flag', () => {
    // A sign-in's report decodes the authenticator data; a registration's, the attestation object around it.
    const withFlags = (ceremony: CeremonyReport['ceremony'], be: boolean) => {
      const error = refused('passkey_type_not_allowed', ceremony);
      const authenticatorData: DecodedAuthenticatorData = { rpIdHash: '00', flags: { up: true, uv: true, be, bs: be, at: false, ed: false, value: 0 }, signCount: 0 };
      const report = error.report!;
      if (report.ceremony === 'registration') report.decoded = { attestation: { fmt: 'none', statementKind: 'none', attStmtKeys: [], certificates: [], authenticatorData } };
      else report.decoded = { authenticatorData };
      return error;
    };
    expect(describeError(withFlags('registration', true))).toBe(passkeyTypeMessages.registration.synced);
    expect(describeError(withFlags('registration', false))).toBe(passkeyTypeMessages.registration.deviceBound);
    expect(describeError(withFlags('authentication', true)).title).toBe(
      'Your organisation no longer allows synced passkeys, and this passkey is synced to your devices.',
    );
    expect(describeError(withFlags('authentication', false), 'step-up')).toBe(passkeyTypeMessages['sign-in'].deviceBound);
    for (const messages of Object.values(passkeyTypeMessages)) {
      for (const message of Object.values(messages)) {
        expect(message.title).toMatch(sentence);
        expect(message.action).toMatch(sentence);
      }
    }
    // Without the flags: the wording for where it happened.
    expect(describeError(refused('passkey_type_not_allowed', 'registration'))).toBe(contextualErrorMessages.registration.passkey_type_not_allowed);
  });

  it('words a step-up as a sign-in where it has nothing of its own', () => {
    expect(describeError(refused('policy_disabled'), 'step-up')).toBe(contextualErrorMessages['sign-in'].policy_disabled);
    expect(describeError(refused('credential_not_allowed'), 'step-up').title).toContain('another account than the one you are signed in with');
    expect(describeError(refused('signature_invalid'), 'step-up')).toBe(apiErrorMessages.signature_invalid);
  });

  it('says what to do about a Temporary Access Pass', () => {
    expect(describeError(refused('tap_invalid'), 'temporary-access-pass').title).toContain('do not go together');
    expect(describeError(refused('tap_expired')).title).toContain('has expired');
    expect(describeError(refused('tap_used')).action).toContain('sign in with that passkey');
    const limited = describeError(new ApiError({ status: 429, code: 'rate_limited', message: '' }), 'temporary-access-pass');
    expect(limited.action).toContain('Wait 15 minutes');
    // Elsewhere a rate limit keeps its general wording.
    expect(describeError(new ApiError({ status: 429, code: 'rate_limited', message: '' }))).toBe(apiErrorMessages.rate_limited);
  });

  it('explains a step-up and a registration that must come first', () => {
    expect(describeError(refused('step_up_required')).action).toContain('Verify with a passkey');
    expect(describeError(refused('self_service_not_allowed', 'registration')).action).toContain('Temporary Access Pass');
    expect(describeError(refused('snooze_limit_reached')).action).toContain('Create a passkey now');
  });

  it('knows every context by name', () => {
    const contexts: ErrorContext[] = ['registration', 'sign-in', 'temporary-access-pass', 'step-up'];
    expect(Object.keys(contextualErrorMessages).sort()).toEqual([...contexts].sort());
  });
});

describe('isCeremonyAborted', () => {
  it('recognises the abort caused by starting another ceremony', () => {
    expect(isCeremonyAborted(webAuthnError('ERROR_CEREMONY_ABORTED', domException('AbortError')))).toBe(true);
    expect(isCeremonyAborted(domException('AbortError'))).toBe(true);
    expect(isCeremonyAborted(domException('NotAllowedError'))).toBe(false);
  });
});
