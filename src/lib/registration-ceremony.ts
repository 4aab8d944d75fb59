/**
 * Creating a passkey, shared by the registration flow and the account page ("Add a passkey"):
 * ask the relying party for options, let the browser and authenticator create the key pair,
 * and send the public key back to be verified and stored.
 */
import { startRegistration } from '@simplewebauthn/browser';
import type { Hint, RegistrationOptions, RegistrationOptionsRequest, RegistrationVerifyRequest, Verified } from '../shared/schemas';
import { apiClient } from './api-client';
import { recordVerifyCall } from './report-store';
import { withSimulatedDeviceClaim } from './simulated-device';

let lastOptionsRequest: Promise<unknown> = Promise.resolve();

/**
 * POST /api/registration/options. The relying party keeps one pending challenge per session,
 * so requests go one after another: an earlier request (an automatic passkey upgrade, say)
 * can never land after, and replace, the challenge of a later one.
 */
export function createRegistrationOptions(body: RegistrationOptionsRequest): Promise<RegistrationOptions> {
  const request = lastOptionsRequest.then(() => apiClient.post<RegistrationOptions>('/api/registration/options', body));
  lastOptionsRequest = request.catch(() => undefined);
  return request;
}

/**
 * POST /api/registration/verify; its report (accepted or refused) goes to the inspector's list.
 * While practice mode is on, the body says so (`device`), so the passkey is labelled simulated.
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
