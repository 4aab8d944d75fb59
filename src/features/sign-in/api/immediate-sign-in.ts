/**
 * Immediate sign-in: `navigator.credentials.get({ publicKey, uiMode: 'immediate' })` asks for a
 * passkey only if one is at hand on this device and rejects at once (NotAllowedError) otherwise,
 * without a dialog, so the page can fall back to its own form (Chrome 149+; detected through
 * `PublicKeyCredential.getClientCapabilities().immediateGet`; not yet in the WebAuthn
 * specification, w3c/webauthn#2291; developer.chrome.com, "Immediate UI mode for logins",
 * 12 May 2026). Chrome wants it started from a click (transient user activation).
 *
 * @simplewebauthn/browser does not pass `uiMode` on, so this calls the browser directly and
 * sends the answer to the same verify endpoint as every other sign-in.
 */
import { type AuthenticationResponseJSON, base64URLStringToBuffer, bufferToBase64URLString, WebAuthnAbortService } from '@simplewebauthn/browser';
import { createAuthenticationOptions, type SignedIn, verifyAuthentication } from '../../../lib/authentication-ceremony';
import type { AuthenticationVerifyRequest } from '../../../shared/schemas';

interface CapabilityStatics {
  getClientCapabilities?: () => Promise<Record<string, boolean | undefined>>;
}

/** Whether the browser says it can do immediate sign-in; false wherever it cannot tell. */
export async function supportsImmediateSignIn(): Promise<boolean> {
  const statics = globalThis.PublicKeyCredential as unknown as CapabilityStatics | undefined;
  if (typeof statics?.getClientCapabilities !== 'function') return false;
  try {
    return (await statics.getClientCapabilities()).immediateGet === true;
  } catch {
    return false;
  }
}

/** No passkey at hand (or the person closed the browser's chooser): the page shows its form. */
export const NO_PASSKEY_AT_HAND = 'none' as const;

function toResponseJSON(credential: PublicKeyCredential): AuthenticationResponseJSON {
  const response = credential.response as AuthenticatorAssertionResponse;
  return {
    id: credential.id,
    rawId: bufferToBase64URLString(credential.rawId),
    type: 'public-key',
    response: {
      clientDataJSON: bufferToBase64URLString(response.clientDataJSON),
      authenticatorData: bufferToBase64URLString(response.authenticatorData),
      signature: bufferToBase64URLString(response.signature),
      ...(response.userHandle ? { userHandle: bufferToBase64URLString(response.userHandle) } : {}),
    },
    clientExtensionResults: credential.getClientExtensionResults(),
    ...(credential.authenticatorAttachment ? { authenticatorAttachment: credential.authenticatorAttachment as AuthenticatorAttachment } : {}),
  };
}

/**
 * Usernameless options from the relying party, then an immediate request. Resolves with the
 * verified sign-in, or NO_PASSKEY_AT_HAND when the browser rejected with NotAllowedError; a
 * refusal by the relying party (an ApiError) and other errors are thrown.
 */
export async function signInImmediately(): Promise<SignedIn | typeof NO_PASSKEY_AT_HAND> {
  const { options } = await createAuthenticationOptions({});
  // One WebAuthn request at a time: the autofill request the page started gives way.
  WebAuthnAbortService.cancelCeremony();
  const request = {
    publicKey: {
      challenge: base64URLStringToBuffer(options.challenge),
      rpId: options.rpId,
      timeout: options.timeout,
      userVerification: options.userVerification,
      allowCredentials: [],
    },
    uiMode: 'immediate',
  } as CredentialRequestOptions;
  let credential: Credential | null;
  try {
    credential = await navigator.credentials.get(request);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotAllowedError') return NO_PASSKEY_AT_HAND;
    throw error;
  }
  if (!credential) return NO_PASSKEY_AT_HAND;
  const response = toResponseJSON(credential as PublicKeyCredential);
  const verified = await verifyAuthentication({ response } as AuthenticationVerifyRequest);
  return { ...verified, authenticatorAttachment: response.authenticatorAttachment };
}
