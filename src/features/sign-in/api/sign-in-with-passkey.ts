import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { ApiError } from '../../../lib/api-client';
import { signalUnknownCredential } from '../../../lib/webauthn-signals';
import type { AuthenticationVerifyRequest, Hint, Verified } from '../../../shared/schemas';
import { createAuthenticationOptions } from './create-authentication-options';
import { verifyAuthentication } from './verify-authentication';

/**
 * A verified sign-in, plus the response's `authenticatorAttachment` (platform or
 * cross-platform), which with the credential's transports tells what kind of authenticator
 * answered (src/lib/authenticator-used.ts).
 */
export type SignedIn = Verified & { authenticatorAttachment: 'platform' | 'cross-platform' | undefined };

/** Asks the authenticator for an assertion and has the relying party verify it. */
export async function authenticateWith(
  options: PublicKeyCredentialRequestOptionsJSON,
  useBrowserAutofill = false,
): Promise<SignedIn> {
  const response = await startAuthentication({ optionsJSON: options, useBrowserAutofill });
  try {
    const verified = await verifyAuthentication({ response } as AuthenticationVerifyRequest);
    return { ...verified, authenticatorAttachment: response.authenticatorAttachment };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'credential_not_found') {
      await signalUnknownCredential(options.rpId ?? globalThis.location.hostname, response.id);
    }
    throw error;
  }
}

/**
 * The button paths: usernameless (no username) or username-first; `hint` says where the
 * person said the passkey is (the browser may offer that first).
 */
export async function signInWithPasskey(username?: string, hint?: Hint): Promise<SignedIn> {
  const { options } = await createAuthenticationOptions({ ...(username ? { username } : {}), ...(hint ? { hint } : {}) });
  return authenticateWith(options);
}
