/**
 * Signing in with a passkey, shared by the sign-in page, the account page's recent sign-in, the
 * sensitive app's step-up and the phone's side of a hand-off (registration-ceremony.ts beside it
 * is the registration counterpart): ask the relying party for options, let the authenticator
 * sign the challenge, and send the assertion back to be verified.
 */
import { type PublicKeyCredentialRequestOptionsJSON, startAuthentication } from '@simplewebauthn/browser';
import type { AuthenticationOptions, AuthenticationOptionsRequest, AuthenticationVerifyRequest, Hint, Verified } from '../shared/schemas';
import { apiClient, ApiError } from './api-client';
import { oneRequestAtATime } from './one-request-at-a-time';
import { recordVerifyCall } from './report-store';
import { withSimulatedDeviceClaim } from './simulated-device';
import { signalUnknownCredential } from './webauthn-signals';

/**
 * POST /api/authentication/options, one request at a time: the autofill request that started on
 * page load can never replace the challenge of a button the person pressed.
 */
export const createAuthenticationOptions = oneRequestAtATime(
  (body: AuthenticationOptionsRequest): Promise<AuthenticationOptions> => apiClient.post<AuthenticationOptions>('/api/authentication/options', body),
);

/**
 * POST /api/authentication/verify: a fresh session for the passkey's account. Its report
 * (accepted or refused) goes to the inspector's list. While a simulated device answers (practice
 * mode, or the QA kit's simulator that marks the window), the body says so (`device`), so the
 * sign-in log labels the attempt simulated.
 */
export function verifyAuthentication(body: AuthenticationVerifyRequest): Promise<Verified> {
  return recordVerifyCall(apiClient.post<Verified>('/api/authentication/verify', withSimulatedDeviceClaim(body)));
}

/**
 * A verified sign-in, plus the response's `authenticatorAttachment` (platform or
 * cross-platform), which with the credential's transports tells what kind of authenticator
 * answered (authenticator-used.ts).
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
