/**
 * Creating a passkey, shared by the registration flow, the account page ("Add a passkey") and the
 * phone's side of a hand-off (authentication-ceremony.ts beside it is the sign-in counterpart):
 * ask the relying party for options, let the browser and authenticator create the key pair,
 * and send the public key back to be verified and stored.
 */
import { startRegistration } from '@simplewebauthn/browser';
import type { Hint, RegistrationOptions, RegistrationOptionsRequest, RegistrationVerifyRequest, Verified } from '../shared/schemas';
import { apiClient } from './api-client';
import { oneRequestAtATime } from './one-request-at-a-time';
import { recordVerifyCall } from './report-store';
import { withSimulatedDeviceClaim } from './simulated-device';

/**
 * POST /api/registration/options, one request at a time: an automatic passkey upgrade, say, can
 * never replace the challenge of a passkey the person asked for afterwards.
 */
export const createRegistrationOptions = oneRequestAtATime(
  (body: RegistrationOptionsRequest): Promise<RegistrationOptions> => apiClient.post<RegistrationOptions>('/api/registration/options', body),
);

/**
 * POST /api/registration/verify; its report (accepted or refused) goes to the inspector's list.
 * While a simulated device answers (practice mode, or the QA kit's simulator that marks the
 * window), the body says so (`device`), so the passkey is labelled simulated.
 */
export function verifyRegistration(body: RegistrationVerifyRequest): Promise<Verified> {
  return recordVerifyCall(apiClient.post<Verified>('/api/registration/verify', withSimulatedDeviceClaim(body)));
}

export interface CreatePasskeyInput {
  username: string;
  displayName?: string | undefined;
  hint?: Hint | undefined;
  nickname?: string | undefined;
}

export async function createPasskey({ username, displayName, hint, nickname }: CreatePasskeyInput): Promise<Verified> {
  const { options } = await createRegistrationOptions({
    username,
    ...(displayName ? { displayName } : {}),
    ...(hint ? { hint } : {}),
  });
  const response = await startRegistration({ optionsJSON: options });
  return verifyRegistration({ response, ...(nickname ? { nickname } : {}) } as RegistrationVerifyRequest);
}
