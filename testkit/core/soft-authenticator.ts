/**
 * A simulated passkey device: the authenticator (keys, authenticator data, attestation,
 * assertions, counters, PRF) together with the checks a browser makes around it (the "client":
 * RP ID against the origin, excludeCredentials, allowCredentials, user verification, the person's
 * approval, timeouts, conditional mediation, the Signal API). Isomorphic: WebCrypto only, no DOM.
 *
 * Attestation conveyance (WebAuthn §5.4.7): with 'none' (the default) the response carries
 * fmt "none" but keeps the real AAGUID, as Chrome does for passkey providers; an AAGUID allow list
 * still works, as it does with the real devices. With 'direct' or 'enterprise', an attesting preset
 * answers with fmt "packed" and an x5c chain (§8.2), signed by this device's own attestation key,
 * whose certificate comes from an AttestationIssuer. Without an issuer it answers "none" and says
 * so in `notices`. 'indirect' is answered like 'none'.
 *
 * Keys: ES256 (P-256) by default; a device whose options allow EdDSA makes Ed25519 keys when the
 * site prefers them (the first pubKeyCredParams entry the device can make wins, as in CTAP2).
 */
import { type AuthenticatorFlags, buildAuthenticatorData } from './authenticator-data';
import { concatBytes, fromBase64url, randomBytes, sha256, toBase64url, utf8 } from './bytes';
import { cborEncode, type CborValue } from './cbor';
import { effectiveDomain, rpIdProblem } from './client-rules';
import { COSE_ALG } from './cose';
import {
  coseAlgorithm,
  type Es256PrivateKey,
  generateAttestationKey,
  generateCredentialKey,
  importPrivateJwk,
  keyAlgorithmOf,
  signEs256With,
  signWithKey,
  wrongKeySignature,
} from './keys';
import { createMemoryStore } from './memory-store';
import { deviceProfile, getPreset, isPresetId } from './presets';
import { evaluatePrf, type PrfOutputs } from './prf';
import type {
  AttestationIssuer,
  DeviceOptions,
  DeviceProfile,
  KeyAlgorithm,
  PasskeyStore,
  PresetId,
  Prompt,
  PromptDecision,
  PromptRequest,
  StoredPasskey,
  Transport,
} from './types';
import type { CreationOptionsJSON, RequestOptionsJSON } from './webauthn-json';

/** Browsers wait this long when the relying party sets no timeout (WebAuthn §5.4.3 recommends 300 s). */
export const DEFAULT_TIMEOUT_MS = 300_000;

export type FailureKind = 'NotAllowedError' | 'InvalidStateError' | 'userVerification';
export type Mediation = PromptRequest['mediation'];

/**
 * The attestation a registration answers with, whatever the site asked for and the device would
 * send: fmt "none"; packed self attestation (signed by the new credential's own key, no x5c,
 * WebAuthn §8.2); or packed full (basic) attestation, signed (ES256) with `privateKey`, the key of
 * the first certificate in `x5c` (DER, leaf first). The AAGUID is the device's (or `aaguid`'s).
 */
export type AttestationTamper =
  | { fmt: 'none' }
  | { fmt: 'packed'; x5c?: undefined }
  | { fmt: 'packed'; x5c: Uint8Array[]; privateKey: Es256PrivateKey };

/** Low-level changes to one response, for relying-party tests. Browsers never apply these. */
export interface CeremonyTamper {
  /** clientDataJSON.origin */
  origin?: string;
  /** clientDataJSON.type, e.g. 'webauthn.get' in a registration. */
  type?: string;
  /** clientDataJSON.challenge (base64url) instead of the options' one. */
  challenge?: string;
  crossOrigin?: boolean;
  topOrigin?: string;
  /** Hash this RP ID into authenticatorData instead of the real one. */
  rpId?: string;
  /** Use these 32 bytes as rpIdHash. */
  rpIdHash?: Uint8Array;
  flags?: Partial<AuthenticatorFlags>;
  /** Report this signCount; the stored counter does not change. */
  counter?: number;
  /** 'wrong-key': a well-formed signature by an unrelated key. Bytes: sent as the signature. */
  signature?: 'wrong-key' | Uint8Array;
  /** Registration: report this AAGUID. */
  aaguid?: string;
  /** Registration: reuse this credential ID. Sign-in: answer with this passkey, whatever allowCredentials says. */
  credentialId?: string;
  /** Sign-in: send this user handle (base64url), or none. */
  userHandle?: string | null;
  /** Registration: register even when excludeCredentials names a passkey held here. */
  ignoreExcludeCredentials?: boolean;
  /** Registration: answer with this attestation (see AttestationTamper). */
  attestation?: AttestationTamper;
  /** Registration: report these transports instead of the device's. */
  transports?: Transport[];
  /**
   * Rewrites clientDataJSON, the JSON text the browser wrote, before it is hashed and signed (a
   * string is sent as UTF-8): members no browser writes, broken JSON, any bytes. The other
   * clientData hooks (origin, type, …) apply first.
   */
  clientDataJSON?: (json: string) => string | Uint8Array;
}

export interface ClientExtensionResults {
  credProps?: { rk: boolean };
  prf?: { enabled?: boolean; results?: PrfOutputs };
}

export interface NewCredential {
  id: string;
  rawId: Uint8Array;
  clientDataJSON: Uint8Array;
  attestationObject: Uint8Array;
  authenticatorData: Uint8Array;
  /** SubjectPublicKeyInfo (DER) of the new credential's key. */
  publicKey: Uint8Array;
  publicKeyAlgorithm: number;
  transports: Transport[];
  authenticatorAttachment: 'platform' | 'cross-platform';
  clientExtensionResults: ClientExtensionResults;
  attestationFormat: 'packed' | 'none';
  /** What the simulator did differently from a real device, in words (e.g. no attestation issuer). */
  notices: string[];
  passkey: StoredPasskey;
}

export interface Assertion {
  id: string;
  rawId: Uint8Array;
  clientDataJSON: Uint8Array;
  authenticatorData: Uint8Array;
  signature: Uint8Array;
  userHandle: Uint8Array | null;
  authenticatorAttachment: 'platform' | 'cross-platform';
  clientExtensionResults: ClientExtensionResults;
  passkey: StoredPasskey;
}

export interface CreateRequest {
  origin: string;
  options: CreationOptionsJSON;
  mediation?: Mediation;
  signal?: AbortSignal;
  tamper?: CeremonyTamper;
}

export interface GetRequest {
  origin: string;
  options: RequestOptionsJSON;
  mediation?: Mediation;
  signal?: AbortSignal;
  tamper?: CeremonyTamper;
}

export interface SimulatedDeviceSettings {
  device: DeviceOptions;
  /** Where passkeys live. Default: in memory. */
  store?: PasskeyStore;
  /** Issues attestation certificates; without one, attested presets answer fmt "none". */
  issuer?: AttestationIssuer;
  /** Asks the person. Default: approves at once, choosing the first passkey that fits. */
  prompt?: Prompt;
  now?: () => number;
}

export interface SimulatedDevice {
  readonly device: DeviceOptions;
  /** The device as it answers: its preset with the DeviceOptions' changes, or a custom device (id 'custom'). */
  readonly preset: DeviceProfile;
  readonly store: PasskeyStore;
  setDevice(device: DeviceOptions): void;
  setPrompt(prompt: Prompt): void;
  /** The next ceremony fails this way (once). */
  failNext(kind: FailureKind): void;
  create(request: CreateRequest): Promise<NewCredential>;
  get(request: GetRequest): Promise<Assertion>;
  /** Passkeys this device holds (other simulated devices sharing the store are left out). */
  passkeys(): Promise<StoredPasskey[]>;
  signalUnknownCredential(origin: string, options: { rpId: string; credentialId: string }): Promise<void>;
  signalAllAcceptedCredentials(origin: string, options: { rpId: string; userId: string; allAcceptedCredentialIds: string[] }): Promise<void>;
  signalCurrentUserDetails(origin: string, options: { rpId: string; userId: string; name: string; displayName: string }): Promise<void>;
}

export function domError(name: string, message: string): DOMException {
  return new DOMException(message, name);
}

const NOT_ALLOWED = 'The operation either timed out or was not allowed.';

export const approveAutomatically: Prompt = async (request) =>
  ({ action: 'approve', ...(request.candidates[0] ? { credentialId: request.candidates[0].id } : {}) }) satisfies PromptDecision;

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? domError('AbortError', 'The operation was aborted.');
}

/** Runs the prompt; the caller's signal aborts it, the timeout ends it with NotAllowedError. */
function ask(prompt: Prompt, request: PromptRequest, callerSignal: AbortSignal | undefined, timeoutMs: number | null): Promise<PromptDecision> {
  return new Promise((resolve, reject) => {
    if (callerSignal?.aborted) return reject(abortReason(callerSignal));
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = () => {
      if (timer !== undefined) clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      controller.abort(abortReason(callerSignal!));
      reject(abortReason(callerSignal!));
    };
    callerSignal?.addEventListener('abort', onAbort, { once: true });
    if (timeoutMs !== null) {
      timer = setTimeout(() => {
        finish();
        const error = domError('NotAllowedError', `${NOT_ALLOWED} (No answer within ${timeoutMs} ms.)`);
        controller.abort(error);
        reject(error);
      }, timeoutMs);
    }
    prompt(request, controller.signal).then(
      (decision) => {
        finish();
        resolve(decision);
      },
      (error: unknown) => {
        finish();
        reject(error instanceof DOMException ? error : domError('NotAllowedError', NOT_ALLOWED));
      },
    );
  });
}

function uvRequirement(value: string | undefined): PromptRequest['userVerification'] {
  return value === 'required' || value === 'discouraged' ? value : 'preferred';
}

function clientData(
  input: { type: string; challenge: string; origin: string; crossOrigin?: boolean; topOrigin?: string },
  rewrite: CeremonyTamper['clientDataJSON'],
): Uint8Array {
  // Member order as browsers write it (WebAuthn §5.8.1.1 "limited verification algorithm").
  const data: Record<string, unknown> = { type: input.type, challenge: input.challenge, origin: input.origin, crossOrigin: input.crossOrigin ?? false };
  if (input.topOrigin !== undefined) data.topOrigin = input.topOrigin;
  const json = JSON.stringify(data);
  if (!rewrite) return utf8(json);
  const rewritten = rewrite(json);
  return typeof rewritten === 'string' ? utf8(rewritten) : rewritten;
}

/** The clientData hooks of a tamper, for clientData(). */
function clientDataInput(tamper: CeremonyTamper, type: string, challenge: string, origin: string) {
  return {
    type: tamper.type ?? type,
    challenge: tamper.challenge ?? challenge,
    origin: tamper.origin ?? origin,
    ...(tamper.crossOrigin !== undefined ? { crossOrigin: tamper.crossOrigin } : {}),
    ...(tamper.topOrigin !== undefined ? { topOrigin: tamper.topOrigin } : {}),
  };
}

/** The key type a passkey was made with (stored as its COSE identifier). */
function passkeyAlgorithm(passkey: StoredPasskey): KeyAlgorithm {
  const algorithm = keyAlgorithmOf(passkey.algorithm);
  if (!algorithm) throw new TypeError(`Passkey ${passkey.id} has a key type the kit cannot sign with (COSE ${passkey.algorithm}).`);
  return algorithm;
}

/** Phones and password managers answer as cross-platform when reached over hybrid (a phone nearby). */
function attachmentFor(preset: DeviceProfile, requested: string | undefined, hints: string[]): 'platform' | 'cross-platform' {
  if (preset.attachment === 'cross-platform') return 'cross-platform';
  const overHybrid = requested === 'cross-platform' || hints[0] === 'hybrid';
  return overHybrid && preset.transports.includes('hybrid') ? 'cross-platform' : 'platform';
}

/** Whether a browser would offer this device for the requested attachment (§5.4.4). */
function attachmentProblem(preset: DeviceProfile, requested: string | undefined): string | null {
  if (requested === 'platform' && preset.attachment === 'cross-platform') return `${preset.name} is a roaming authenticator; the site asked for one built into this device.`;
  if (requested === 'cross-platform' && !preset.transports.some((transport) => transport !== 'internal'))
    return `${preset.name} is built into this device; the site asked for a roaming authenticator (security key or phone).`;
  return null;
}

export function createSimulatedDevice(settings: SimulatedDeviceSettings): SimulatedDevice {
  let device = { ...settings.device };
  let preset = deviceProfile(device);
  let prompt = settings.prompt ?? approveAutomatically;
  const store = settings.store ?? createMemoryStore();
  const now = settings.now ?? (() => Date.now());
  const pendingFailures: FailureKind[] = [];
  /** Passkeys' private keys, imported once (keyed by algorithm and private scalar); at most 256, then started afresh. */
  const signingKeys = new Map<string, Promise<CryptoKey>>();
  /** Keyed by preset and AAGUID (the certificate names the AAGUID). */
  const attestationKeys = new Map<string, Promise<{ privateKey: CryptoKey; x5c: Uint8Array[] }>>();

  const takeFailure = (): FailureKind | undefined => pendingFailures.shift();
  const prfSupported = () => device.prf !== false;

  function checkRpId(rpId: string, origin: string): void {
    const problem = rpIdProblem(rpId, origin);
    if (problem) throw domError('SecurityError', problem);
  }

  function timeoutFor(mediation: Mediation, requested: number | undefined): number | null {
    if (mediation === 'conditional') return null; // autofill waits until the person picks (or the page aborts)
    return device.timeoutMs ?? requested ?? DEFAULT_TIMEOUT_MS;
  }

  /** The device's attestation key and its certificate chain, made once per preset (and AAGUID). */
  async function attestationKey(issuer: AttestationIssuer, id: PresetId): Promise<{ privateKey: CryptoKey; x5c: Uint8Array[] }> {
    const { aaguid } = preset;
    const cacheKey = `${id} ${aaguid}`;
    const cached = attestationKeys.get(cacheKey);
    if (cached) return cached;
    const made = (async () => {
      const { privateKey, publicKeySpki } = await generateAttestationKey();
      const x5c = await issuer.issue({ publicKeySpki, aaguid, preset: id });
      if (!x5c.length) throw new Error('The attestation issuer returned no certificate.');
      return { privateKey, x5c };
    })();
    attestationKeys.set(cacheKey, made);
    made.catch(() => attestationKeys.delete(cacheKey)); // a failed issuer is asked again next time
    return made;
  }

  /** Signs with a passkey's stored private key. */
  async function signWithPasskeyKey(algorithm: KeyAlgorithm, jwk: JsonWebKey, data: Uint8Array): Promise<Uint8Array> {
    const cacheKey = `${algorithm} ${jwk.d ?? ''}`;
    let key = signingKeys.get(cacheKey);
    if (!key) {
      key = importPrivateJwk(algorithm, jwk);
      if (signingKeys.size >= 256) signingKeys.clear();
      signingKeys.set(cacheKey, key);
      key.catch(() => signingKeys.delete(cacheKey));
    }
    return signWithKey(algorithm, await key, data);
  }

  async function ownPasskeys(rpId?: string): Promise<StoredPasskey[]> {
    const all = await store.list();
    return all.filter((passkey) => passkey.preset === preset.id && (rpId === undefined || passkey.rpId === rpId));
  }

  async function uvOutcome(requirement: PromptRequest['userVerification'], failure: FailureKind | undefined): Promise<boolean> {
    const fails = device.userVerification === 'fails' || failure === 'userVerification';
    if (fails && requirement === 'required') throw domError('NotAllowedError', `${NOT_ALLOWED} (User verification failed on ${preset.name}.)`);
    if (fails) return false;
    // A security key only asks for its PIN when the site wants verification.
    return !(preset.formFactor === 'security-key' && requirement === 'discouraged');
  }

  return {
    get device() {
      return { ...device };
    },
    get preset() {
      return preset;
    },
    store,
    setDevice(next) {
      preset = deviceProfile(next);
      device = { ...next };
    },
    setPrompt(next) {
      prompt = next;
    },
    failNext(kind) {
      pendingFailures.push(kind);
    },
    passkeys: () => ownPasskeys(),

    async create({ origin, options, mediation = 'optional', signal, tamper = {} }) {
      if (signal?.aborted) throw abortReason(signal);
      const rpId = options.rp.id ?? effectiveDomain(origin);
      checkRpId(rpId, origin);
      let userId: Uint8Array;
      try {
        userId = fromBase64url(options.user.id);
      } catch {
        throw new TypeError('user.id is not valid base64url.');
      }
      if (userId.length < 1 || userId.length > 64) throw new TypeError('user.id must be between 1 and 64 bytes (WebAuthn §5.4.3).');
      // §5.1.3 step 10: no pubKeyCredParams means ES256 and RS256.
      const params = options.pubKeyCredParams.length ? options.pubKeyCredParams : [{ type: 'public-key', alg: COSE_ALG.ES256 }, { type: 'public-key', alg: COSE_ALG.RS256 }];
      const algorithm = params
        .filter((param) => param.type === 'public-key')
        .map((param) => keyAlgorithmOf(param.alg))
        .find((candidate): candidate is KeyAlgorithm => candidate !== undefined && preset.algorithms.includes(candidate));
      if (!algorithm) {
        const made = preset.algorithms.map((name) => `${name} (${coseAlgorithm[name]})`).join(', ');
        throw domError('NotSupportedError', `${preset.name} only makes ${made} keys, which the site did not offer.`);
      }
      const selection = options.authenticatorSelection ?? {};
      const hints = options.hints ?? [];
      const requirement = uvRequirement(selection.userVerification);
      const failure = takeFailure();
      if (failure === 'NotAllowedError') throw domError('NotAllowedError', NOT_ALLOWED);
      const mismatch = attachmentProblem(preset, selection.authenticatorAttachment);
      if (mismatch) throw domError('NotAllowedError', `${NOT_ALLOWED} (${mismatch})`);

      const decision = await ask(
        prompt,
        { ceremony: 'create', mediation, rpId, origin, user: { name: options.user.name, displayName: options.user.displayName }, candidates: [], hints, userVerification: requirement },
        signal,
        timeoutFor(mediation, options.timeout),
      );
      if (decision.action !== 'approve') throw domError('NotAllowedError', NOT_ALLOWED);

      // §6.3.2 step 3: a device that already holds an excluded credential refuses (after the person consents).
      const excluded = new Set((options.excludeCredentials ?? []).map((descriptor) => descriptor.id));
      const held = await ownPasskeys(rpId);
      if (failure === 'InvalidStateError' || (!tamper.ignoreExcludeCredentials && held.some((passkey) => excluded.has(passkey.id))))
        throw domError('InvalidStateError', `${preset.name} already holds a passkey for this account.`);
      const uv = await uvOutcome(requirement, failure);

      const { privateKeyJwk, publicKeySpki, cosePublicKey } = await generateCredentialKey(algorithm);
      const rawId = tamper.credentialId ? fromBase64url(tamper.credentialId) : randomBytes(32);
      const passkey: StoredPasskey = {
        id: toBase64url(rawId),
        rpId,
        userHandle: toBase64url(userId),
        userName: options.user.name,
        userDisplayName: options.user.displayName,
        preset: preset.id,
        aaguid: preset.aaguid,
        algorithm: coseAlgorithm[algorithm],
        privateKeyJwk,
        publicKeyCose: toBase64url(cosePublicKey),
        signCount: 0,
        backupEligible: preset.backupEligible,
        backupState: preset.backupState,
        ...(prfSupported() ? { prfSeed: toBase64url(randomBytes(32)) } : {}),
        createdAt: now(),
      };
      // CTAP2 authenticatorMakeCredential: a new discoverable credential replaces one for the same RP and account.
      // A reused credential ID (tampering) leaves the passkey first stored under it alone.
      const takenIds = new Set((await store.list()).map((stored) => stored.id));
      for (const old of held) if (old.userHandle === passkey.userHandle && old.id !== passkey.id) await store.remove(old.id);
      if (!takenIds.has(passkey.id)) await store.put(passkey);

      const clientDataJSON = clientData(clientDataInput(tamper, 'webauthn.create', options.challenge, origin), tamper.clientDataJSON);
      const authenticatorData = buildAuthenticatorData({
        rpIdHash: tamper.rpIdHash ?? (await sha256(tamper.rpId ?? rpId)),
        flags: { up: true, uv, be: preset.backupEligible, bs: preset.backupState, at: true, ...tamper.flags },
        signCount: tamper.counter ?? 0,
        attested: { aaguid: tamper.aaguid ?? preset.aaguid, credentialId: rawId, cosePublicKey },
      });

      const notices: string[] = [];
      const conveyance = options.attestation ?? 'none';
      let fmt: 'packed' | 'none' = 'none';
      let attStmt = new Map<string, CborValue>();
      const forced = tamper.attestation;
      const signedData = async () => concatBytes(authenticatorData, await sha256(clientDataJSON));
      if (forced?.fmt === 'packed') {
        // Self attestation: the credential's own key and algorithm. Full: ES256 by the leaf's key, with x5c.
        const signed = await signedData();
        const statementAlgorithm: KeyAlgorithm = forced.x5c ? 'ES256' : algorithm;
        let sig: Uint8Array;
        if (tamper.signature === 'wrong-key') sig = await wrongKeySignature(statementAlgorithm, signed);
        else if (tamper.signature) sig = tamper.signature;
        else sig = forced.x5c ? await signEs256With(forced.privateKey, signed) : await signWithPasskeyKey(algorithm, privateKeyJwk, signed);
        fmt = 'packed';
        attStmt = new Map<string, CborValue>([
          ['alg', coseAlgorithm[statementAlgorithm]],
          ['sig', sig],
        ]);
        if (forced.x5c) attStmt.set('x5c', forced.x5c.map((certificate) => Uint8Array.from(certificate)));
      } else if (!forced && (conveyance === 'direct' || conveyance === 'enterprise') && preset.attestation === 'packed' && preset.id !== 'custom') {
        if (!settings.issuer) notices.push(`No attestation issuer is configured: ${preset.name} answered with attestation "none" instead of "packed".`);
        else {
          try {
            const { privateKey, x5c } = await attestationKey(settings.issuer, preset.id);
            const signed = await signedData();
            const sig = tamper.signature === 'wrong-key' ? await wrongKeySignature('ES256', signed) : (tamper.signature ?? (await signEs256With(privateKey, signed)));
            fmt = 'packed';
            attStmt = new Map<string, CborValue>([
              ['alg', COSE_ALG.ES256],
              ['sig', sig],
              ['x5c', x5c.map((certificate) => Uint8Array.from(certificate))],
            ]);
          } catch (error) {
            notices.push(`The attestation issuer failed (${error instanceof Error ? error.message : String(error)}): ${preset.name} answered with attestation "none".`);
          }
        }
      }
      const attestationObject = cborEncode(
        new Map<string, CborValue>([
          ['fmt', fmt],
          ['attStmt', attStmt],
          ['authData', authenticatorData],
        ]),
      );

      const clientExtensionResults: ClientExtensionResults = {};
      const extensions = options.extensions ?? {};
      if (extensions.credProps) clientExtensionResults.credProps = { rk: true };
      if (extensions.prf) {
        if (!prfSupported()) clientExtensionResults.prf = { enabled: false };
        else {
          const inputs = extensions.prf.eval;
          clientExtensionResults.prf = { enabled: true, ...(inputs ? { results: await evaluatePrf(fromBase64url(passkey.prfSeed!), inputs) } : {}) };
        }
      }

      return {
        id: passkey.id,
        rawId,
        clientDataJSON,
        attestationObject,
        authenticatorData,
        publicKey: publicKeySpki,
        publicKeyAlgorithm: coseAlgorithm[algorithm],
        transports: [...(tamper.transports ?? preset.transports)],
        authenticatorAttachment: attachmentFor(preset, selection.authenticatorAttachment, hints),
        clientExtensionResults,
        attestationFormat: fmt,
        notices,
        passkey,
      };
    },

    async get({ origin, options, mediation = 'optional', signal, tamper = {} }) {
      if (signal?.aborted) throw abortReason(signal);
      const rpId = options.rpId ?? effectiveDomain(origin);
      checkRpId(rpId, origin);
      const requirement = uvRequirement(options.userVerification);
      const hints = options.hints ?? [];
      const failure = takeFailure();
      if (failure === 'NotAllowedError') throw domError('NotAllowedError', NOT_ALLOWED);

      const allowed = new Set((options.allowCredentials ?? []).map((descriptor) => descriptor.id));
      let candidates: StoredPasskey[];
      if (tamper.credentialId) candidates = (await store.list()).filter((passkey) => passkey.id === tamper.credentialId);
      else candidates = (await ownPasskeys(rpId)).filter((passkey) => allowed.size === 0 || allowed.has(passkey.id));

      // Immediate mediation (WebAuthn L3 draft): with nothing to offer the browser rejects at once, without any UI.
      if (mediation === 'immediate' && candidates.length === 0) throw domError('NotAllowedError', `${NOT_ALLOWED} (No passkey for ${rpId} on ${preset.name}.)`);

      const decision = await ask(
        prompt,
        {
          ceremony: 'get',
          mediation,
          rpId,
          origin,
          candidates: candidates.map((passkey) => ({ id: passkey.id, userName: passkey.userName, userDisplayName: passkey.userDisplayName })),
          hints,
          userVerification: requirement,
        },
        signal,
        timeoutFor(mediation, options.timeout),
      );
      if (decision.action !== 'approve') throw domError('NotAllowedError', NOT_ALLOWED);
      if (failure === 'InvalidStateError') throw domError('InvalidStateError', `${preset.name} is in a state that refuses this request.`);
      const chosen = decision.credentialId ? candidates.find((passkey) => passkey.id === decision.credentialId) : candidates[0];
      if (!chosen) throw domError('NotAllowedError', `${NOT_ALLOWED} (${preset.name} has no passkey for ${rpId} that the site accepts.)`);
      const uv = await uvOutcome(requirement, failure);

      // Device-bound passkeys count their signatures; synced ones report 0 (§6.1.1: no counter).
      // A passkey of another device (a shared store) counts as its own preset does.
      const counterless = chosen.preset === preset.id ? preset.counterless : isPresetId(chosen.preset) && getPreset(chosen.preset).kind === 'synced';
      let signCount = counterless ? 0 : chosen.signCount + 1;
      if (tamper.counter !== undefined) signCount = tamper.counter;
      else if (signCount !== chosen.signCount) await store.put({ ...chosen, signCount });

      const clientDataJSON = clientData(clientDataInput(tamper, 'webauthn.get', options.challenge, origin), tamper.clientDataJSON);
      const authenticatorData = buildAuthenticatorData({
        rpIdHash: tamper.rpIdHash ?? (await sha256(tamper.rpId ?? chosen.rpId)),
        flags: { up: true, uv, be: chosen.backupEligible, bs: chosen.backupState, at: false, ...tamper.flags },
        signCount,
      });
      const signed = concatBytes(authenticatorData, await sha256(clientDataJSON));
      const keyAlgorithm = passkeyAlgorithm(chosen);
      const signature =
        tamper.signature === 'wrong-key' ? await wrongKeySignature(keyAlgorithm, signed) : (tamper.signature ?? (await signWithPasskeyKey(keyAlgorithm, chosen.privateKeyJwk, signed)));

      const clientExtensionResults: ClientExtensionResults = {};
      const prf = options.extensions?.prf;
      if (prf && prfSupported() && chosen.prfSeed) {
        const inputs = prf.evalByCredential?.[chosen.id] ?? prf.eval;
        clientExtensionResults.prf = inputs ? { results: await evaluatePrf(fromBase64url(chosen.prfSeed), inputs) } : {};
      }
      const userHandle = tamper.userHandle === undefined ? chosen.userHandle : tamper.userHandle;

      return {
        id: chosen.id,
        rawId: fromBase64url(chosen.id),
        clientDataJSON,
        authenticatorData,
        signature,
        userHandle: userHandle === null ? null : fromBase64url(userHandle),
        authenticatorAttachment: attachmentFor(preset, undefined, hints),
        clientExtensionResults,
        passkey: { ...chosen, signCount },
      };
    },

    // Signal API (WebAuthn L3 §5.1.10): the RP tells the provider what it knows; every simulated
    // device sharing the store acts on it, as every provider in a browser would.
    async signalUnknownCredential(origin, { rpId, credentialId }) {
      checkRpId(rpId, origin);
      fromBase64urlOrTypeError(credentialId);
      for (const passkey of await store.list()) if (passkey.rpId === rpId && passkey.id === credentialId) await store.remove(passkey.id);
    },
    async signalAllAcceptedCredentials(origin, { rpId, userId, allAcceptedCredentialIds }) {
      checkRpId(rpId, origin);
      fromBase64urlOrTypeError(userId);
      allAcceptedCredentialIds.forEach(fromBase64urlOrTypeError);
      const accepted = new Set(allAcceptedCredentialIds);
      for (const passkey of await store.list())
        if (passkey.rpId === rpId && passkey.userHandle === userId && !accepted.has(passkey.id)) await store.remove(passkey.id);
    },
    async signalCurrentUserDetails(origin, { rpId, userId, name, displayName }) {
      checkRpId(rpId, origin);
      fromBase64urlOrTypeError(userId);
      for (const passkey of await store.list())
        if (passkey.rpId === rpId && passkey.userHandle === userId) await store.put({ ...passkey, userName: name, userDisplayName: displayName });
    },
  };
}

function fromBase64urlOrTypeError(value: string): Uint8Array {
  try {
    return fromBase64url(value);
  } catch {
    throw new TypeError(`"${value}" is not base64url.`);
  }
}
