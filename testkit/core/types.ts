/**
 * Shared types of the simulated-devices kit. Isomorphic: no DOM and no Node imports, so the same
 * definitions serve the browser layer, the Playwright fixture and Node relying-party tests.
 */

/** Preset names are a contract (kebab-case): specs and the SPA refer to devices by them. */
export type PresetId =
  | 'microsoft-authenticator-ios'
  | 'microsoft-authenticator-android'
  | 'windows-hello-hardware'
  | 'windows-hello-software'
  | 'yubikey-5'
  | 'icloud-keychain'
  | 'google-password-manager'
  | '1password'
  | 'bitwarden';

/** WebAuthn transports (§5.8.4), spelled out (same members as the DOM's AuthenticatorTransport) so the core needs no DOM typings. */
export type Transport = 'usb' | 'nfc' | 'ble' | 'hybrid' | 'internal';

export interface Preset {
  id: PresetId;
  /** For people: "Microsoft Authenticator on iPhone", "iCloud Keychain". */
  name: string;
  /** One line: "Device-bound, attested (packed). Lives on the phone." */
  description: string;
  /** The AAGUID's name in the community list / MDS: "Microsoft Authenticator (iOS)". */
  providerName: string;
  /** Lowercase, dashed. */
  aaguid: string;
  /** Synced: BE=BS=1, the counter stays 0, attestation none. */
  kind: 'device-bound' | 'synced';
  attestation: 'packed' | 'none';
  transports: Transport[];
  attachment: 'platform' | 'cross-platform';
  formFactor: 'phone' | 'computer' | 'security-key' | 'password-manager';
  /** Where the AAGUID comes from (URL / list name). */
  source: string;
}

/** Key types a simulated device can make: ES256 (ECDSA P-256, COSE -7) and EdDSA (Ed25519, COSE -8). */
export type KeyAlgorithm = 'ES256' | 'EdDSA';

/**
 * Per-use options on top of a preset, or, without `preset`, a custom device made of these
 * options alone (a plain authenticator that imitates no product: see `DeviceProfile`). The
 * properties from `aaguid` to `algorithms` change what the preset would do; unset, the preset's
 * (or the custom device's default) holds.
 */
export interface DeviceOptions {
  /** The device to imitate. Without one: a custom device. */
  preset?: PresetId;
  /** AAGUID of new passkeys. Custom device: all zeros. */
  aaguid?: string;
  /** BE flag of new passkeys (the passkey may be synced). Presets: synced ones. Custom device: false. */
  backupEligible?: boolean;
  /** BS flag of new passkeys (the passkey is backed up). Presets: synced ones. Custom device: false. */
  backupState?: boolean;
  /** Transports reported at registration. Custom device: ['internal'] (a platform authenticator; without 'internal' it is a roaming one). */
  transports?: Transport[];
  /** No signature counter: every signCount is 0. Presets: synced ones. Custom device: false (it counts). */
  counterless?: boolean;
  /**
   * Key types the device makes. At registration it takes the first entry of the site's
   * pubKeyCredParams it can make (as CTAP2 authenticators do), NotSupportedError if none. Default ['ES256'].
   * EdDSA needs Ed25519 in WebCrypto: Node 20, and recent browsers (Chromium 137+, Firefox 129+, Safari 17+).
   */
  algorithms?: KeyAlgorithm[];
  /** Whether the device's user verification (biometric / PIN) succeeds. Default 'succeeds'. */
  userVerification?: 'succeeds' | 'fails';
  /** Whether the device supports the PRF extension. Default true. */
  prf?: boolean;
  /** When the person never answers: the ceremony ends with NotAllowedError after this long. */
  timeoutMs?: number;
}

/** What made a passkey: a preset's id, or 'custom' for a device made of DeviceOptions without a preset. */
export type DeviceId = PresetId | 'custom';

/**
 * What a simulated device is once its DeviceOptions are applied: the preset with the options'
 * changes, or a custom device (id 'custom', name "Custom authenticator", attestation "none", form
 * factor a computer with 'internal' among its transports and a security key without).
 */
export interface DeviceProfile extends Omit<Preset, 'id'> {
  id: DeviceId;
  backupEligible: boolean;
  backupState: boolean;
  counterless: boolean;
  algorithms: KeyAlgorithm[];
}

/** A passkey as a simulated device keeps it. Binary values are base64url. */
export interface StoredPasskey {
  id: string;
  rpId: string;
  userHandle: string;
  userName: string;
  userDisplayName: string;
  /** The device that made it: its preset, or 'custom' (a device without a preset; custom devices sharing a store share their passkeys). */
  preset: DeviceId;
  aaguid: string;
  /** COSE algorithm identifier (-7 = ES256, -8 = EdDSA). */
  algorithm: number;
  privateKeyJwk: JsonWebKey;
  /** COSE_Key of the public key, base64url. */
  publicKeyCose: string;
  signCount: number;
  backupEligible: boolean;
  backupState: boolean;
  /** Per-credential secret the PRF outputs are derived from, base64url. */
  prfSeed?: string;
  createdAt: number;
}

export interface PasskeyStore {
  list(): Promise<StoredPasskey[]>;
  put(passkey: StoredPasskey): Promise<void>;
  remove(id: string): Promise<void>;
}

/** Issues the x5c chain (leaf first, DER) for a device's own attestation key. The CA key never reaches a browser. */
export interface AttestationIssuer {
  issue(request: { publicKeySpki: Uint8Array; aaguid: string; preset: PresetId }): Promise<Uint8Array[]>;
}

export interface PromptRequest {
  ceremony: 'create' | 'get';
  mediation: 'optional' | 'conditional' | 'required' | 'silent' | 'immediate';
  rpId: string;
  origin: string;
  /** create: the account the passkey is for. */
  user?: { name: string; displayName: string };
  /** get: the passkeys that fit the request. */
  candidates: { id: string; userName: string; userDisplayName: string }[];
  /** WebAuthn hints ('hybrid' → the prompt uses the phone's words). */
  hints: string[];
  userVerification: 'required' | 'preferred' | 'discouraged';
}

export type PromptDecision = { action: 'approve'; credentialId?: string } | { action: 'cancel' };

/** Asks the person. Resolves when they answer; the signal aborts the question (timeout, AbortController). */
export type Prompt = (request: PromptRequest, signal: AbortSignal) => Promise<PromptDecision>;
