/**
 * The simulated devices for Node tests of a relying party: no browser, real responses.
 *
 *   const phone = createSoftAuthenticator('microsoft-authenticator-ios', { origin: 'https://example.com', issuer });
 *   const response = await phone.register(optionsFromYourServer);          // RegistrationResponseJSON
 *   const assertion = await phone.authenticate(requestOptions, { counter: 0 }); // tampered on purpose
 *
 * The same code as in the browser (WebCrypto ES256 or Ed25519 keys, packed attestation, PRF,
 * counters and the browser's own checks), plus low-level hooks that break one thing at a time.
 * A device is a preset, a preset with changes, or a custom device without a preset:
 *
 *   const plain = createSoftAuthenticator({ aaguid: ZERO_AAGUID, backupEligible: true, algorithms: ['EdDSA'] });
 */
import { KeyObject } from 'node:crypto';
import type { Es256PrivateKey } from './core/keys';
import { createMemoryStore } from './core/memory-store';
import { deviceProfile, getPreset, isPresetId, presetIds, presets, ZERO_AAGUID } from './core/presets';
import { assertionToJSON, registrationToJSON } from './core/response-json';
import {
  approveAutomatically,
  type AttestationTamper,
  type CeremonyTamper,
  createSimulatedDevice,
  type FailureKind,
  type Mediation,
  type SimulatedDevice,
} from './core/soft-authenticator';
import type { AttestationIssuer, DeviceOptions, DeviceProfile, PasskeyStore, PresetId, Prompt, StoredPasskey } from './core/types';
import type {
  AuthenticationResponseJSON,
  ClientExtensionResultsJSON,
  CreationOptionsJSON,
  RegistrationResponseJSON,
  RequestOptionsJSON,
} from './core/webauthn-json';

export type { Es256PrivateKey };
export type { AttestationTamper, CeremonyTamper, FailureKind, Mediation } from './core/soft-authenticator';
export type * from './core/types';
export type * from './core/webauthn-json';
export { createMemoryStore, deviceProfile, getPreset, isPresetId, presetIds, presets, ZERO_AAGUID };
export { assertionToJSON, extensionResultsToJSON, registrationToJSON } from './core/response-json';

/** CeremonyTamper's attestation; in Node the leaf key of full attestation may also be a node:crypto KeyObject (EC P-256). */
export type NodeAttestationTamper = { fmt: 'none' } | { fmt: 'packed'; x5c?: undefined } | { fmt: 'packed'; x5c: Uint8Array[]; privateKey: Es256PrivateKey | KeyObject };

/** Tampering hooks: everything in CeremonyTamper, plus the client extension results to send. */
export interface Tamper extends Omit<CeremonyTamper, 'attestation'> {
  /** Registration: answer with this attestation (CeremonyTamper's, or full attestation with a KeyObject). */
  attestation?: NodeAttestationTamper;
  /** Replaces clientExtensionResults in the JSON. */
  extensions?: ClientExtensionResultsJSON;
}

export interface SoftAuthenticatorOptions {
  /** The origin the "browser" is on. Default http://localhost:3000. */
  origin?: string;
  issuer?: AttestationIssuer;
  store?: PasskeyStore;
  /** 'approve' (default), 'cancel', 'never' (the person never answers: times out), or your own prompt. */
  prompt?: 'approve' | 'cancel' | 'never' | Prompt;
}

export interface SoftAuthenticator {
  /** The device as it answers: its preset with the device options' changes, or a custom device (id 'custom'). */
  readonly preset: DeviceProfile;
  readonly aaguid: string;
  readonly origin: string;
  readonly store: PasskeyStore;
  /** What the simulator did differently from the real device during the last registration. */
  readonly notices: string[];
  register(options: CreationOptionsJSON, tamper?: Tamper & { mediation?: Mediation; signal?: AbortSignal }): Promise<RegistrationResponseJSON>;
  authenticate(options: RequestOptionsJSON, tamper?: Tamper & { mediation?: Mediation; signal?: AbortSignal }): Promise<AuthenticationResponseJSON>;
  /** Passkeys this device holds. */
  credentials(): Promise<StoredPasskey[]>;
  failNext(kind: FailureKind): void;
  setDevice(device: DeviceOptions): void;
  signalUnknownCredential(options: { rpId: string; credentialId: string }): Promise<void>;
  signalAllAcceptedCredentials(options: { rpId: string; userId: string; allAcceptedCredentialIds: string[] }): Promise<void>;
  signalCurrentUserDetails(options: { rpId: string; userId: string; name: string; displayName: string }): Promise<void>;
  /** The core device, for anything the wrapper does not expose. */
  readonly device: SimulatedDevice;
}

function promptFrom(choice: SoftAuthenticatorOptions['prompt']): Prompt {
  if (typeof choice === 'function') return choice;
  if (choice === 'cancel') return async () => ({ action: 'cancel' });
  if (choice === 'never')
    return (_request, signal) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
  return approveAutomatically;
}

/** A KeyObject leaf key becomes a JWK; the core runs on WebCrypto. */
function coreTamper({ attestation, ...tamper }: Omit<Tamper, 'extensions'>): CeremonyTamper {
  if (attestation?.fmt === 'packed' && attestation.x5c && attestation.privateKey instanceof KeyObject) {
    return { ...tamper, attestation: { ...attestation, privateKey: attestation.privateKey.export({ format: 'jwk' }) } };
  }
  // Any other attestation is already the core's (a KeyObject leaf key was the only difference).
  return attestation ? { ...tamper, attestation: attestation as AttestationTamper } : tamper;
}

/** A simulated device for Node tests, from a preset name or device options (a preset with changes, or a custom device). */
export function createSoftAuthenticator(preset: PresetId | DeviceOptions, options: SoftAuthenticatorOptions = {}): SoftAuthenticator {
  const device = createSimulatedDevice({
    device: typeof preset === 'string' ? { preset } : preset,
    store: options.store ?? createMemoryStore(),
    ...(options.issuer ? { issuer: options.issuer } : {}),
    prompt: promptFrom(options.prompt),
  });
  const origin = options.origin ?? 'http://localhost:3000';
  let notices: string[] = [];
  return {
    get preset() {
      return device.preset;
    },
    get aaguid() {
      return device.preset.aaguid;
    },
    origin,
    store: device.store,
    get notices() {
      return [...notices];
    },
    device,
    async register(creationOptions, { extensions, mediation, signal, ...tamper } = {}) {
      const credential = await device.create({ origin, options: creationOptions, tamper: coreTamper(tamper), ...(mediation ? { mediation } : {}), ...(signal ? { signal } : {}) });
      notices = credential.notices;
      const json = registrationToJSON(credential);
      return extensions ? { ...json, clientExtensionResults: extensions } : json;
    },
    async authenticate(requestOptions, { extensions, mediation, signal, ...tamper } = {}) {
      const assertion = await device.get({ origin, options: requestOptions, tamper: coreTamper(tamper), ...(mediation ? { mediation } : {}), ...(signal ? { signal } : {}) });
      const json = assertionToJSON(assertion);
      return extensions ? { ...json, clientExtensionResults: extensions } : json;
    },
    credentials: () => device.passkeys(),
    failNext: (kind) => device.failNext(kind),
    setDevice: (next) => device.setDevice(next),
    signalUnknownCredential: (signal) => device.signalUnknownCredential(origin, signal),
    signalAllAcceptedCredentials: (signal) => device.signalAllAcceptedCredentials(origin, signal),
    signalCurrentUserDetails: (signal) => device.signalCurrentUserDetails(origin, signal),
  };
}
