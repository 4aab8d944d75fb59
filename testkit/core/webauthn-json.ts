/**
 * The JSON forms of WebAuthn options and responses (WebAuthn L3 §5.1.8–5.1.10, the shapes
 * @simplewebauthn/server produces and consumes). Binary values are base64url strings. Kept
 * loose on purpose (strings where the DOM has unions) so any library's JSON types fit.
 */
import type { Transport } from './types';

export interface CredentialDescriptorJSON {
  id: string;
  type: string;
  transports?: string[];
}

export interface PrfValuesJSON {
  first: string;
  second?: string;
}

/**
 * PRF inputs as they arrive: base64url strings in JSON. Typed `unknown` because some libraries'
 * JSON types reuse the DOM's (BufferSource) shape here; the device checks at run time.
 */
export interface PrfValuesInput {
  first: unknown;
  second?: unknown;
}

export interface ExtensionInputsJSON {
  credProps?: boolean;
  prf?: { eval?: PrfValuesInput; evalByCredential?: Record<string, PrfValuesInput> };
}

export interface CreationOptionsJSON {
  rp: { id?: string; name: string };
  user: { id: string; name: string; displayName: string };
  challenge: string;
  pubKeyCredParams: { type: string; alg: number }[];
  timeout?: number;
  excludeCredentials?: CredentialDescriptorJSON[];
  authenticatorSelection?: {
    authenticatorAttachment?: string;
    residentKey?: string;
    requireResidentKey?: boolean;
    userVerification?: string;
  };
  attestation?: string;
  hints?: string[];
  extensions?: ExtensionInputsJSON;
}

export interface RequestOptionsJSON {
  challenge: string;
  timeout?: number;
  rpId?: string;
  allowCredentials?: CredentialDescriptorJSON[];
  userVerification?: string;
  hints?: string[];
  extensions?: ExtensionInputsJSON;
}

/**
 * PRF results are base64url strings in JSON. Typed `any` so the object also fits libraries whose
 * response types reuse the DOM's output types (BufferSource), as @simplewebauthn/server's do.
 */
export interface ClientExtensionResultsJSON {
  credProps?: { rk: boolean };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  prf?: { enabled?: boolean; results?: { first: any; second?: any } };
  [name: string]: unknown;
}

export interface RegistrationResponseJSON {
  id: string;
  rawId: string;
  type: 'public-key';
  authenticatorAttachment?: 'platform' | 'cross-platform';
  clientExtensionResults: ClientExtensionResultsJSON;
  response: {
    clientDataJSON: string;
    attestationObject: string;
    authenticatorData?: string;
    transports?: Transport[];
    publicKeyAlgorithm?: number;
    publicKey?: string;
  };
}

export interface AuthenticationResponseJSON {
  id: string;
  rawId: string;
  type: 'public-key';
  authenticatorAttachment?: 'platform' | 'cross-platform';
  clientExtensionResults: ClientExtensionResultsJSON;
  response: {
    clientDataJSON: string;
    authenticatorData: string;
    signature: string;
    userHandle?: string;
  };
}
