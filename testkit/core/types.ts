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

/** Per-use options on top of a preset. */
export interface DeviceOptions {
  preset: PresetId;
  /** Whether the device's user verification (biometric / PIN) succeeds. Default 'succeeds'. */
  userVerification?: 'succeeds' | 'fails';
  /** Whether the device supports the PRF extension. Default true. */
  prf?: boolean;
  /** When the person never answers: the ceremony ends with NotAllowedError after this long. */
  timeoutMs?: number;
}

/** A passkey as a simulated device keeps it. Binary values are base64url. */
export interface StoredPasskey {
  id: string;
  rpId: string;
  userHandle: string;
  userName: string;
  userDisplayName: string;
  preset: PresetId;
  aaguid: string;
  /** COSE algorithm identifier (-7 = ES256). */
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
