import { randomBytes, randomUUID } from 'node:crypto';
import { generateRegistrationOptions, verifyRegistrationResponse, type PublicKeyCredentialCreationOptionsJSON, type RegistrationResponseJSON } from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { providerNameFor } from '../../shared/aaguids.js';
import type { Hint } from '../../shared/schemas.js';
import { transports as knownTransports } from '../../shared/schemas.js';
import type { Deps } from '../http/env.js';
import { RpError } from '../http/rp-error.js';
import { findCredential, insertCredential, listCredentials, parseTransports, type CredentialRow } from '../store/credentials.js';
import { findUserById, findUserByUsername, insertUser, type UserRow } from '../store/users.js';
import { checkAuthenticatorData, checkClientData, checkPendingChallenge } from './checks.js';
import { CHALLENGE_TTL_MS, SUPPORTED_ALGORITHMS } from './constants.js';
import { readAttestedAuthData, readClientData, rpIdHash } from './decode.js';

/** What the options promised, kept with the challenge until the response comes back. */
export interface RegistrationPayload {
  userId: string;
  username: string;
  displayName: string;
  userHandle: string;
  /** True when adding a passkey to an existing (signed-in) account. */
  existingUser: boolean;
}

const preferredType = { 'client-device': 'localDevice', 'security-key': 'securityKey', hybrid: 'remoteDevice' } as const;

/**
 * Options for a new account (`account` undefined) or for adding a passkey to the signed-in
 * account (its passkeys are excluded). `hint` becomes WebAuthn `hints` and
 * `authenticatorAttachment` (client-device → platform; security-key, hybrid → cross-platform).
 */
export async function createRegistrationOptions(
  { config, db, now }: Deps,
  request: { username: string; displayName?: string; hint?: Hint },
  account: UserRow | undefined,
): Promise<{ options: PublicKeyCredentialCreationOptionsJSON; payload: RegistrationPayload; expiresAt: number }> {
  if (!account && findUserByUsername(db, request.username)) throw new RpError('username_taken');
  const payload: RegistrationPayload = account
    ? { userId: account.id, username: account.username, displayName: account.display_name, userHandle: account.user_handle, existingUser: true }
    : {
        userId: randomUUID(),
        username: request.username,
        displayName: request.displayName || request.username,
        userHandle: randomBytes(32).toString('base64url'),
        existingUser: false,
      };
  const options = await generateRegistrationOptions({
    rpName: config.rpName,
    rpID: config.rpId,
    userName: payload.username,
    userDisplayName: payload.displayName,
    userID: isoBase64URL.toBuffer(payload.userHandle),
    timeout: CHALLENGE_TTL_MS,
    attestationType: 'none',
    excludeCredentials: account ? listCredentials(db, account.id).map((c) => ({ id: c.id, transports: parseTransports(c.transports) })) : [],
    authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
    extensions: { credProps: true },
    supportedAlgorithmIDs: [...SUPPORTED_ALGORITHMS],
    ...(request.hint ? { preferredAuthenticatorType: preferredType[request.hint] } : {}),
  });
  return { options, payload, expiresAt: now() + CHALLENGE_TTL_MS };
}

/**
 * Verifies a registration response against the pending challenge (already taken from the
 * store, so it is spent whatever happens here) and stores the account and passkey in one
 * transaction. Throws RpError with the first rule broken.
 */
export async function verifyRegistration(
  { config, db, now }: Deps,
  pending: { challenge: string; payload: RegistrationPayload; expiresAt: number } | undefined,
  response: RegistrationResponseJSON,
  nickname: string | undefined,
): Promise<{ user: UserRow; credential: CredentialRow; userVerified: boolean }> {
  const failure =
    checkPendingChallenge(pending, now()) ??
    checkClientData(readClientData(response.response.clientDataJSON), {
      type: 'webauthn.create',
      challenge: pending?.challenge ?? '',
      origins: config.origins,
    }) ??
    checkAuthenticatorData(readAttestedAuthData(response.response.attestationObject), rpIdHash(config.rpId));
  if (failure) throw new RpError(failure);
  const { challenge, payload } = pending!;

  let info;
  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: config.origins,
      expectedRPID: config.rpId,
      requireUserVerification: true,
      supportedAlgorithmIDs: [...SUPPORTED_ALGORITHMS],
    });
    if (!result.verified) throw new Error('not verified');
    info = result.registrationInfo;
  } catch (error) {
    throw new RpError(/signature/i.test(String(error)) ? 'signature_invalid' : 'attestation_invalid');
  }
  if (findCredential(db, info.credential.id)) throw new RpError('credential_already_registered');

  const createdAt = new Date(now()).toISOString();
  const credential: CredentialRow = {
    id: info.credential.id,
    user_id: payload.userId,
    public_key: Buffer.from(info.credential.publicKey),
    counter: info.credential.counter,
    transports: JSON.stringify((response.response.transports ?? []).filter((t) => (knownTransports as readonly string[]).includes(t))),
    device_type: info.credentialDeviceType,
    backed_up: info.credentialBackedUp ? 1 : 0,
    aaguid: info.aaguid.toLowerCase(),
    attestation_format: info.fmt,
    nickname: nickname || providerNameFor(info.aaguid) || 'Passkey',
    created_at: createdAt,
    last_used_at: null,
  };

  const user = db.transaction((): UserRow => {
    if (payload.existingUser) {
      const existing = findUserById(db, payload.userId);
      if (!existing) throw new RpError('not_signed_in');
      insertCredential(db, credential);
      return existing;
    }
    if (findUserByUsername(db, payload.username)) throw new RpError('username_taken');
    const created: UserRow = {
      id: payload.userId,
      username: payload.username,
      display_name: payload.displayName,
      user_handle: payload.userHandle,
      created_at: createdAt,
    };
    insertUser(db, created);
    insertCredential(db, credential);
    return created;
  })();
  return { user, credential, userVerified: info.userVerified };
}
