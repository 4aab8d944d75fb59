export { verifyAttestation, type AttestationTrust, type AttestationVerification } from './attestation.js';
export {
  decodeAttestationObject,
  decodeAuthenticatorData,
  decodeClientData,
  decodeSignature,
  decodeUserHandle,
  type AuthenticatorFlags,
  type CertificateSummary,
  type DecodedAttestationObject,
  type DecodedAttestedCredentialData,
  type DecodedAuthenticatorData,
  type DecodedClientData,
  type DecodedPublicKey,
  type DecodedSignature,
  type DecodedUserHandle,
  type StatementKind,
} from './decode.js';
export {
  inspect,
  rpIdFromOrigin,
  type InspectedAuthentication,
  type InspectedRegistration,
  type InspectKind,
  type InspectOptions,
  type InspectResult,
} from './inspect.js';
