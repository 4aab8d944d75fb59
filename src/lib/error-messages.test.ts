import { WebAuthnError, type WebAuthnErrorCode } from '@simplewebauthn/browser';
import { describe, expect, it } from 'vitest';
import { errorCodes, type ErrorCode } from '../shared/error-codes';
import { ApiError, NETWORK_ERROR, UNEXPECTED_RESPONSE } from './api-client';
import {
  apiErrorMessages,
  describeError,
  isCeremonyAborted,
  networkErrorMessage,
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

describe('isCeremonyAborted', () => {
  it('recognises the abort caused by starting another ceremony', () => {
    expect(isCeremonyAborted(webAuthnError('ERROR_CEREMONY_ABORTED', domException('AbortError')))).toBe(true);
    expect(isCeremonyAborted(domException('AbortError'))).toBe(true);
    expect(isCeremonyAborted(domException('NotAllowedError'))).toBe(false);
  });
});
