import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import type { Hint } from '../../shared/schemas.js';
import type { Deps } from '../http/env.js';
import { RpError } from '../http/rp-error.js';
import { findCredential, listCredentials, parseTransports, recordCredentialUse, type CredentialRow } from '../store/credentials.js';
import { findUserById, findUserByUsername, type UserRow } from '../store/users.js';
import { checkAuthenticatorData, checkClientData, checkPendingChallenge, checkSignCount } from './checks.js';
import { CHALLENGE_TTL_MS } from './constants.js';
import { readAuthData, readClientData, rpIdHash } from './decode.js';

/**
 * `allowCredentialIds` is null for a usernameless (discoverable) request, else the named
 * account's passkeys — empty for an unknown username, so the answer does not reveal which
 * usernames exist; any passkey offered then is refused as credential_not_allowed.
 */
export interface AuthenticationPayload {
  allowCredentialIds: string[] | null;
}

export async function createAuthenticationOptions(
  { config, db, now }: Deps,
  { username, hint }: { username?: string; hint?: Hint },
): Promise<{ options: PublicKeyCredentialRequestOptionsJSON; payload: AuthenticationPayload; expiresAt: number }> {
  const user = username === undefined ? undefined : findUserByUsername(db, username);
  const credentials = user ? listCredentials(db, user.id) : [];
  const options = await generateAuthenticationOptions({
    rpID: config.rpId,
    timeout: CHALLENGE_TTL_MS,
    userVerification: 'required',
    allowCredentials: credentials.map((c) => ({ id: c.id, transports: parseTransports(c.transports) })),
  });
  if (hint) options.hints = [hint];
  const payload = { allowCredentialIds: username === undefined ? null : credentials.map((c) => c.id) };
  return { options, payload, expiresAt: now() + CHALLENGE_TTL_MS };
}

/**
 * Verifies an assertion against the pending challenge (already spent) and records the use.
 * Order: challenge → clientData → credential → account → authenticator data → signature →
 * counter. Throws RpError with the first rule broken; nothing is written unless all pass.
 */
export async function verifyAuthentication(
  { config, db, now }: Deps,
  pending: { challenge: string; payload: AuthenticationPayload; expiresAt: number } | undefined,
  response: AuthenticationResponseJSON,
): Promise<{ user: UserRow; credential: CredentialRow; userVerified: boolean }> {
  const early =
    checkPendingChallenge(pending, now()) ??
    checkClientData(readClientData(response.response.clientDataJSON), {
      type: 'webauthn.get',
      challenge: pending?.challenge ?? '',
      origins: config.origins,
    });
  if (early) throw new RpError(early);
  const { challenge, payload } = pending!;

  const stored = findCredential(db, response.id);
  if (!stored) throw new RpError('credential_not_found');
  if (payload.allowCredentialIds && !payload.allowCredentialIds.includes(stored.id)) throw new RpError('credential_not_allowed');
  const user = findUserById(db, stored.user_id);
  if (!user) throw new RpError('credential_not_found');
  // §7.2 step 6: a discoverable sign-in must name the account; a named one must match it.
  const userHandle = response.response.userHandle;
  if ((userHandle === undefined && payload.allowCredentialIds === null) || (userHandle !== undefined && userHandle !== user.user_handle)) {
    throw new RpError('user_handle_mismatch');
  }

  const authData = readAuthData(response.response.authenticatorData);
  const flagsFailure = checkAuthenticatorData(authData, rpIdHash(config.rpId));
  if (flagsFailure) throw new RpError(flagsFailure);

  let info;
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: config.origins,
      expectedRPID: config.rpId,
      requireUserVerification: true,
      // The counter rule is ours (checkSignCount) so that it gets its own error code.
      credential: { id: stored.id, publicKey: new Uint8Array(stored.public_key), counter: 0, transports: parseTransports(stored.transports) },
    });
    if (!result.verified) throw new Error('not verified');
    info = result.authenticationInfo;
  } catch {
    throw new RpError('signature_invalid');
  }
  const counterFailure = checkSignCount(stored.counter, info.newCounter);
  if (counterFailure) throw new RpError(counterFailure);

  const usedAt = new Date(now()).toISOString();
  recordCredentialUse(db, stored.id, { counter: info.newCounter, backedUp: info.credentialBackedUp, usedAt });
  return { user, credential: { ...stored, counter: info.newCounter, backed_up: info.credentialBackedUp ? 1 : 0, last_used_at: usedAt }, userVerified: info.userVerified };
}
