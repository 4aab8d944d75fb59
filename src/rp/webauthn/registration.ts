import { randomBytes, randomUUID } from 'node:crypto';
import { generateRegistrationOptions, type PublicKeyCredentialCreationOptionsJSON, type RegistrationResponseJSON } from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import type { JsonRecord, RegistrationDecoded } from '../../shared/decoded.js';
import { BASE64URL, type Hint } from '../../shared/schemas.js';
import { simulatedLabelOf } from '../../shared/simulator-labels.js';
import type { Deps } from '../http/env.js';
import { RpError } from '../http/rp-error.js';
import { attestationToRequest } from '../policy/evaluate.js';
import { simulatorTrustAnchor } from '../simulator/ca.js';
import { simulatedAtRegistration } from '../simulator/claim.js';
import { type CredentialRow, findCredential, insertCredential, knownTransportsOf, listCredentials, parseTransports } from '../store/credentials.js';
import { groupIdsOf } from '../store/groups.js';
import type { LogSubject } from '../store/sign-in-log.js';
import { readPolicy } from '../store/tenant-settings.js';
import { findUserById, findUserByUsername, insertUser, usernameConflict, type UserRow } from '../store/users.js';
import { gateCheck, policyCheck } from '../tenant/policy-enforcement.js';
import { type AttestationOutcome, NO_ATTESTATION, verifyAttestation } from './attestation-trust.js';
import type { CeremonyOutcome, Commit } from './authentication.js';
import { CheckRun, originMembers, refuseDeepClientData } from './check-run.js';
import { checkBackupFlags, checkChallenge, checkCredentialId, checkOrigin, checkPublicKey, checkRpIdHash, checkType, checkUserPresence, checkUserVerification, failed, passed } from './checks.js';
import { CHALLENGE_TTL_MS, SUPPORTED_ALGORITHMS } from './constants.js';
import { type AttestationParts, decodeAttestationParts } from './decode/attestation-object.js';
import { decodeClientData } from './decode/client-data.js';

/** What the options promised, kept with the challenge until the response comes back. */
export interface RegistrationPayload {
  userId: string;
  username: string;
  displayName: string;
  userHandle: string;
  /** True when adding a passkey to an existing (signed-in) account. */
  existingUser: boolean;
  /** The options sent, for the ceremony report. */
  options?: PublicKeyCredentialCreationOptionsJSON;
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
  { startedWithTap = false }: { startedWithTap?: boolean } = {},
): Promise<{ options: PublicKeyCredentialCreationOptionsJSON; payload: RegistrationPayload; expiresAt: number }> {
  if (!account && findUserByUsername(db, request.username)) throw new RpError('username_taken');
  // Refuse before the ceremony what no passkey could pass: method off, out of scope, no self-service.
  const refused = gateCheck(db, now(), account?.id ?? null, 'registration', { startedWithTap });
  if (refused) throw new RpError(refused.code!, refused.message);
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
    // Direct attestation when a profile of the user enforces it (a new account: all_users only).
    attestationType: attestationToRequest(readPolicy(db), account ? groupIdsOf(db, account.id) : []),
    excludeCredentials: account ? listCredentials(db, account.id).map((c) => ({ id: c.id, transports: parseTransports(c.transports) })) : [],
    authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
    // PRF lets a passkey derive secrets in the browser (the /prf demo); credProps reports rk.
    extensions: { credProps: true, prf: {} },
    supportedAlgorithmIDs: [...SUPPORTED_ALGORITHMS],
    ...(request.hint ? { preferredAuthenticatorType: preferredType[request.hint] } : {}),
  });
  return { options, payload: { ...payload, options }, expiresAt: now() + CHALLENGE_TTL_MS };
}

/**
 * Verifies a registration response against the pending challenge (already taken from the
 * store, so it is spent whatever happens here) and stores the account and passkey in one
 * transaction (`commit`: the caller's, with its session and sign-in log writes). Every check is recorded in the report; the first failure throws RpError.
 */
export async function verifyRegistration(
  deps: Deps,
  pending: { challenge: string; payload: RegistrationPayload; expiresAt: number } | undefined,
  response: RegistrationResponseJSON,
  nickname: string | undefined,
  { startedWithTap = false, claimedSimulated = false, subject = {}, commit = (writes) => deps.db.transaction(writes)() }: { startedWithTap?: boolean; claimedSimulated?: boolean; subject?: LogSubject; commit?: Commit } = {},
): Promise<CeremonyOutcome> {
  const { config, db, now, directory } = deps;
  const run: CheckRun<'registration'> = new CheckRun('registration', pending?.payload.options ?? null);
  if (pending) Object.assign(subject, { username: pending.payload.username, userId: pending.payload.existingUser ? pending.payload.userId : null });
  return run.around(async () => {
    // The library decodes these again for an attested format, as base64url only, while the lab's
    // decoder also reads standard base64: both must read the same bytes (the route's schema
    // already holds them to base64url; this holds for any other caller too).
    for (const field of ['clientDataJSON', 'attestationObject'] as const) {
      if (!BASE64URL.test(response.response[field])) throw new RpError('invalid_request', `${field} must be base64url.`, `response.${field}`);
    }
    refuseDeepClientData(response.response.clientDataJSON, 'response.clientDataJSON');
    const clientData = decodeClientData(response.response.clientDataJSON, 'response.clientDataJSON');
    const parts = decodeAttestationParts(response.response.attestationObject, { directory, field: 'response.attestationObject' });
    const attestation = parts.decoded;
    const authData = attestation.authenticatorData;
    if (authData.attestedCredentialData) Object.assign(subject, { credentialId: response.id, aaguid: authData.attestedCredentialData.aaguid });
    // clientExtensionResults was parsed from the JSON body, so it holds JSON values.
    const extensions = response.clientExtensionResults as JsonRecord;
    Object.assign(run.decoded, { clientData, attestation, extensions, transports: response.response.transports ?? [] } satisfies RegistrationDecoded);
    if (!authData.attestedCredentialData || !parts.credentialPublicKey) {
      throw new RpError('invalid_request', 'The attestation object carries no credential (AT flag missing).', 'response.attestationObject');
    }
    const { aaguid, credentialId, publicKey } = authData.attestedCredentialData;
    run.require(checkChallenge(pending, clientData, now()), pending);
    run.require(checkOrigin(originMembers(clientData), config.origins));
    run.require(checkType(clientData, 'webauthn.create'));
    run.require(checkRpIdHash(authData.rpIdHash, config.rpId));
    run.require(checkUserPresence(authData.flags));
    run.require(checkUserVerification(authData.flags));
    run.require(checkBackupFlags(authData.flags));
    run.require(checkCredentialId(credentialId, response.id, response.rawId));
    const { payload } = pending;
    run.require(checkPublicKey(parts.credentialPublicKey, offeredAlgorithms(payload.options)));

    // Every check above is made once, here; the statement is all that is left to verify.
    const outcome = await checkStatement(deps, response, parts, publicKey.alg, clientData.origin);
    if (outcome.statementFailed) run.refuse(failed('attestation', 'attestation_invalid', sentence(outcome.verification.message)));
    run.require(
      passed(
        'attestation',
        attestation.fmt === 'none' ? 'Attestation "none": the statement is empty, as it must be, so there is nothing to verify.' : `Attestation "${attestation.fmt}": the statement verified.`,
      ),
    );
    run.require(
      findCredential(db, credentialId)
        ? failed('credentialUnique', 'credential_already_registered', 'This credential id is already registered.')
        : passed('credentialUnique', 'The credential id is new.'),
    );
    // Attested: the chain leads to a known root, or to this lab's simulator root while simulated devices are on.
    const trust = outcome.verification;
    const attested = trust.verified && (trust.trust === 'trusted' || trust.trust === 'simulated');
    // The SPA's claim (`device.simulated`) adds the label only: `attested` and the policy
    // checks below never read it (src/rp/simulator/claim.ts).
    const simulated = simulatedAtRegistration(trust, claimedSimulated);
    run.decoded.attestationTrust = {
      trust: trust.trust,
      message: trust.message,
      ...(simulated.simulatedBy
        ? { simulated: true, simulatedBy: simulated.simulatedBy, label: simulatedLabelOf({ ...simulated, aaguid, attestationTrust: trust.trust })! }
        : {}),
    };
    Object.assign(subject, simulated);
    run.require(
      policyCheck(db, now(), payload.existingUser ? payload.userId : null, { aaguid, backupEligible: authData.flags.be, attested }, 'registration', {
        startedWithTap,
      }),
    );
    const createdAt = new Date(now()).toISOString();
    const credential: CredentialRow = {
      id: credentialId,
      user_id: payload.userId,
      public_key: Buffer.from(parts.credentialPublicKey),
      counter: authData.signCount,
      transports: JSON.stringify(knownTransportsOf(response.response.transports)),
      device_type: authData.flags.be ? 'multiDevice' : 'singleDevice',
      backed_up: authData.flags.bs ? 1 : 0,
      aaguid,
      attestation_format: attestation.fmt,
      nickname: nickname || directory.lookup(aaguid).name || 'Passkey',
      created_at: createdAt,
      last_used_at: null,
      attested: attested ? 1 : 0,
      attestation_trust: trust.trust,
      simulated: simulated.simulated ? 1 : 0,
      simulated_by: simulated.simulatedBy ?? null,
    };

    // The answer echoes what the client sent: make sure it serialises before anything is stored.
    const reportJson = run.requireEchoable();
    const store = (): UserRow => {
      // Checked again where it holds: while this call awaited the attestation, a parallel one may
      // have registered the same credential id (attestation "none" signs no clientData, so one
      // response can answer several sessions' challenges). Nothing awaits inside a transaction.
      if (findCredential(db, credential.id)) run.refuse(failed('credentialUnique', 'credential_already_registered', 'This credential id was registered meanwhile.'));
      if (payload.existingUser) {
        const existing = findUserById(db, payload.userId);
        if (!existing) throw new RpError('not_signed_in');
        insertCredential(db, credential);
        return existing;
      }
      // Taken, or a look-alike registered meanwhile (usernames compare as people read them).
      const conflict = usernameConflict(db, payload.username);
      if (conflict) run.refuse(failed('username', conflict, `The username ${payload.username} (or one that looks the same) was registered meanwhile.`));
      const created = insertUser(db, {
        id: payload.userId,
        username: payload.username,
        display_name: payload.displayName,
        user_handle: payload.userHandle,
        created_at: createdAt,
      });
      insertCredential(db, credential);
      return created;
    };
    const verified = commit(() => {
      const user = store();
      // The sign-in log names the account, also one this registration just created.
      subject.userId = user.id;
      return { user, credential, userVerified: authData.flags.uv };
    });
    return { ...verified, report: run.report(), reportJson };
  });
}

/** The COSE algorithms the options offered (pubKeyCredParams): WebAuthn §7.1 step 20 accepts a key only in one of them. */
function offeredAlgorithms(options: PublicKeyCredentialCreationOptionsJSON | undefined): readonly number[] {
  return options ? options.pubKeyCredParams.map((param) => param.alg) : SUPPORTED_ALGORITHMS;
}

/**
 * The attestation statement. "none" must be empty (WebAuthn §8.7) and has nothing else to
 * verify, so it needs no second decoding. Packed self attestation must name the credential
 * key's own algorithm (§8.2; the library reads its alg only as the hash to use). Any other
 * statement is verified, and its trust judged, by verifyAttestation, offline. Everything else
 * the library would check, the caller already has.
 */
async function checkStatement(deps: Deps, response: RegistrationResponseJSON, parts: AttestationParts, keyAlgorithm: number, origin: string): Promise<AttestationOutcome> {
  const { decoded, x5c } = parts;
  const refused = (message: string): AttestationOutcome => ({ verification: { verified: false, message, trust: 'untrusted' }, statementFailed: true });
  if (decoded.fmt === 'none') {
    return decoded.attStmtKeys.length === 0 ? { verification: NO_ATTESTATION, statementFailed: false } : refused('an attestation of format "none" must have an empty statement (attStmt)');
  }
  if (decoded.fmt === 'packed' && decoded.statementKind === 'self' && decoded.alg !== keyAlgorithm) {
    return refused(`packed self attestation must be signed with the credential key's own algorithm (${keyAlgorithm}), not ${String(decoded.alg)}`);
  }
  return verifyAttestation(response, { origin, attestationObject: decoded, x5c }, deps.directory, simulatorTrustAnchor(deps));
}

/** A verification message as a sentence: capital first letter, full stop. */
const sentence = (message: string) => `${message.charAt(0).toUpperCase()}${message.slice(1)}${message.endsWith('.') ? '' : '.'}`;
