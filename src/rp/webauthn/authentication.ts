import { type AuthenticationResponseJSON, generateAuthenticationOptions, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { AuthenticationDecoded, JsonRecord } from '../../shared/decoded.js';
import type { Hint, Transport } from '../../shared/schemas.js';
import type { CeremonyReport } from '../../shared/schemas.js';
import type { Deps } from '../http/env.js';
import { simulatedAtSignIn } from '../simulator/claim.js';
import { type CredentialRow, findCredential, listCredentials, parseTransports, recordCredentialUse } from '../store/credentials.js';
import type { LogSubject } from '../store/sign-in-log.js';
import { findUserById, findUserByUsername, type UserRow } from '../store/users.js';
import { policyCheck } from '../tenant/policy-enforcement.js';
import { verifyAssertionSignature } from './assertion-signature.js';
import { CheckRun, originMembers, refuseDeepClientData } from './check-run.js';
import { checkBackupFlags, checkChallenge, checkOrigin, checkRpIdHash, checkSignCount, checkType, checkUserPresence, checkUserVerification, failed, passed } from './checks.js';
import { CHALLENGE_TTL_MS } from './constants.js';
import { decodeAuthenticatorData } from './decode/authenticator-data.js';
import { base64urlBytes } from './decode/bytes.js';
import { decodeClientData } from './decode/client-data.js';
import { decodeSignature } from './decode/signature.js';
import { decodeUserHandle } from './decode/user-handle.js';
import { decoyCredentials, decoySecret } from './decoy-credentials.js';

/**
 * `allowCredentialIds` is null for a usernameless (discoverable) request, else what the options
 * listed: the named account's passkeys, or — for a name without any (unknown, or an account
 * with no passkey yet) — stable decoys shaped like real ones, so that the answer does not
 * reveal which usernames exist (decoy-credentials.ts). No passkey has a decoy's id.
 */
export interface AuthenticationPayload {
  allowCredentialIds: string[] | null;
  /** The username typed for a username-first sign-in (the sign-in log files the attempt under it). */
  username?: string;
  /** The options sent, for the ceremony report. */
  options?: PublicKeyCredentialRequestOptionsJSON;
}

/** What a verified ceremony stored: the account, its passkey and whether the user was verified. */
export interface VerifiedCeremony {
  user: UserRow;
  credential: CredentialRow;
  userVerified: boolean;
}

/** A verified ceremony's answer: what it stored, its report, and the report as JSON text (serialised once). */
export type CeremonyOutcome = VerifiedCeremony & { report: CeremonyReport; reportJson: string };

/** Runs a ceremony's writes in one transaction (the caller adds its own: session, sign-in log). */
export type Commit = (writes: () => VerifiedCeremony) => VerifiedCeremony;

export async function createAuthenticationOptions(
  { config, db, now }: Deps,
  { username, hint }: { username?: string; hint?: Hint },
): Promise<{ options: PublicKeyCredentialRequestOptionsJSON; payload: AuthenticationPayload; expiresAt: number }> {
  let allowCredentials: { id: string; transports: Transport[] }[] = [];
  if (username !== undefined) {
    // The same two lookups whether or not the name exists, then decoys for a name without passkeys.
    const user = findUserByUsername(db, username);
    const credentials = listCredentials(db, user?.id ?? '');
    allowCredentials = credentials.length
      ? credentials.map((c) => ({ id: c.id, transports: parseTransports(c.transports) }))
      : decoyCredentials(decoySecret(db), username);
  }
  const options = await generateAuthenticationOptions({ rpID: config.rpId, timeout: CHALLENGE_TTL_MS, userVerification: 'required', allowCredentials });
  if (hint) options.hints = [hint];
  const payload: AuthenticationPayload =
    username === undefined ? { allowCredentialIds: null, options } : { allowCredentialIds: allowCredentials.map((c) => c.id), username, options };
  return { options, payload, expiresAt: now() + CHALLENGE_TTL_MS };
}

/**
 * Verifies an assertion against the pending challenge (already spent) and records the use.
 * Order: challenge → origin → type → credential → account → authenticator data → signature
 * → counter → tenant policy. Every step of WebAuthn §7.2 is one of these checks, made on the
 * response as decoded once; the signature with Node's crypto (./assertion-signature.ts).
 * Token Binding (Level 2's step 14) is not checked: Level 3 removed it, and no browser sends it.
 * `subject` learns who and which passkey as the checks find out (for the sign-in log, also
 * when refused). Every check is recorded in the report; nothing is written unless all pass.
 * `commit` runs the counter update in the caller's transaction (with its session and log writes).
 */
export async function verifyAuthentication(
  { config, db, now, directory }: Deps,
  pending: { challenge: string; payload: AuthenticationPayload; expiresAt: number } | undefined,
  response: AuthenticationResponseJSON,
  subject: LogSubject = {},
  commit: Commit = (writes) => db.transaction(writes)(),
): Promise<CeremonyOutcome> {
  const run: CheckRun<'authentication'> = new CheckRun('authentication', pending?.payload.options ?? null);
  subject.credentialId = response.id;
  return run.around(async () => {
    // The library used to refuse these (as a bad signature); §7.2 names the credential by its id.
    if (response.id !== response.rawId) run.refuse(failed('credentialId', 'credential_id_invalid', 'The response id and rawId name different credentials.'));
    refuseDeepClientData(response.response.clientDataJSON, 'response.clientDataJSON');
    const clientData = decodeClientData(response.response.clientDataJSON, 'response.clientDataJSON');
    const authData = decodeAuthenticatorData(response.response.authenticatorData, { directory, field: 'response.authenticatorData' });
    Object.assign(run.decoded, {
      clientData,
      authenticatorData: authData,
      signature: decodeSignature(response.response.signature, 'response.signature'),
      userHandle: decodeUserHandle(response.response.userHandle, 'response.userHandle'),
      extensions: response.clientExtensionResults as JsonRecord, // parsed from the JSON body
      authenticatorAttachment: response.authenticatorAttachment ?? null,
    } satisfies AuthenticationDecoded);
    run.require(checkChallenge(pending, clientData, now()), pending);
    run.require(checkOrigin(originMembers(clientData), config.origins));
    run.require(checkType(clientData, 'webauthn.get'));
    const { payload } = pending;

    const stored = findCredential(db, response.id);
    const user = stored && findUserById(db, stored.user_id);
    // Simulated: as the passkey was stored, else as practice mode claims (a label only, never trust).
    Object.assign(subject, { ...(stored ? { aaguid: stored.aaguid } : {}), ...simulatedAtSignIn(stored, subject.claimedSimulated === true) });
    // A username-first attempt is filed under the name typed (and its account, if any), even when
    // the passkey turns out to be someone else's: the passkey's owner did not try to sign in.
    const named = payload.username === undefined ? user : findUserByUsername(db, payload.username);
    if (named) Object.assign(subject, { userId: named.id, username: named.username });
    else if (payload.username !== undefined) Object.assign(subject, { userId: null, username: payload.username });
    run.require(
      stored && user
        ? passed('credential', `The credential is registered to ${user.username}.`)
        : failed('credential', 'credential_not_found', 'No registered credential has this id (never registered, or deleted).'),
      stored && user,
    );
    if (payload.allowCredentialIds && !payload.allowCredentialIds.includes(stored.id)) {
      run.refuse(failed('credential', 'credential_not_allowed', 'The credential is not one of the named account’s passkeys.'));
    }
    run.require(checkUserHandle(response.response.userHandle, user.user_handle, payload.allowCredentialIds === null));
    run.require(checkRpIdHash(authData.rpIdHash, config.rpId));
    run.require(checkUserPresence(authData.flags));
    run.require(checkUserVerification(authData.flags));
    run.require(checkBackupFlags(authData.flags));

    const { authenticatorData, clientDataJSON, signature } = response.response;
    const signed = await verifyAssertionSignature(
      stored.public_key,
      base64urlBytes(authenticatorData, 'authenticatorData', 'response.authenticatorData'),
      base64urlBytes(clientDataJSON, 'clientDataJSON', 'response.clientDataJSON'),
      base64urlBytes(signature, 'signature', 'response.signature'),
    );
    if (!signed) run.refuse(failed('signature', 'signature_invalid', 'The signature over authenticatorData and the clientDataJSON hash does not verify with the stored public key.'));
    run.require(passed('signature', 'The signature verifies with the stored public key.'));
    run.require(checkSignCount(stored.counter, authData.signCount));
    run.require(policyCheck(db, now(), user.id, { aaguid: stored.aaguid, backupEligible: stored.device_type === 'multiDevice', attested: stored.attested === 1 }, 'authentication'));

    // The answer echoes what the client sent: make sure it serialises before the counter is stored.
    const reportJson = run.requireEchoable();
    const usedAt = new Date(now()).toISOString();
    const use = { counter: authData.signCount, backedUp: authData.flags.bs, usedAt };
    const credential = { ...stored, counter: use.counter, backed_up: use.backedUp ? 1 : 0, last_used_at: usedAt };
    const verified = commit(() => {
      // Checked again where it holds: two assertions of a cloned authenticator, sent at once,
      // both passed checkSignCount against the counter read before the signature was awaited.
      if (!recordCredentialUse(db, stored.id, use)) {
        run.refuse(
          findCredential(db, stored.id)
            ? failed('counter', 'counter_regression', 'Another sign-in with this passkey raised its counter meanwhile: possible cloned authenticator.')
            : failed('credential', 'credential_not_found', 'The passkey was deleted meanwhile.'),
        );
      }
      return { user, credential, userVerified: authData.flags.uv };
    });
    return { ...verified, report: run.report(), reportJson };
  });
}

/** §7.2 step 6: a usernameless sign-in must name the account; a named one must match it. */
function checkUserHandle(received: string | undefined, expected: string, usernameless: boolean) {
  if (received === undefined && usernameless) return failed('userHandle', 'user_handle_mismatch', 'A usernameless sign-in must return the userHandle.');
  if (received !== undefined && received !== expected) return failed('userHandle', 'user_handle_mismatch', 'userHandle is not the account’s user handle.');
  return passed('userHandle', received === undefined ? 'No userHandle (the account was named first).' : 'userHandle is the account’s user handle.');
}
