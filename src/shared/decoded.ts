/**
 * The decoded parts of a WebAuthn response, as the relying party sends them: in a ceremony
 * report (`report.decoded`, docs/api.md "Ceremony report") and in the decoder's answer
 * (POST /api/inspect). The relying party's decoder builds exactly these types and the SPA reads
 * them as they are. Field meanings follow WebAuthn Level 3: §5.8.1 (CollectedClientData),
 * §6.1 (authenticator data and its flags), §6.5 (attestation object), §8 (statement formats).
 *
 * Runs in the browser and in Node: no DOM or Node APIs here.
 */
import { z } from 'zod';

/** Arbitrary JSON the client sent or the authenticator produced (client data, extension outputs). */
export const jsonRecordSchema = z.record(z.string(), z.json());
export type JsonRecord = z.infer<typeof jsonRecordSchema>;

// ---- client data (§5.8.1) ---------------------------------------------------------------------

export const clientDataSchema = z.object({
  type: z.string(),
  challenge: z.string(),
  origin: z.string(),
  crossOrigin: z.boolean().optional(),
  topOrigin: z.string().optional(),
  tokenBinding: z.json().optional(),
  /** The whole parsed JSON, including members not listed above. */
  raw: jsonRecordSchema,
});
export type DecodedClientData = z.infer<typeof clientDataSchema>;

// ---- authenticator data (§6.1) ------------------------------------------------------------------

export { type FlagName, flagNames } from './authenticator-flags.js';

export const authenticatorFlagsSchema = z.object({
  /** User present (bit 0). */
  up: z.boolean(),
  /** User verified (bit 2). */
  uv: z.boolean(),
  /** Backup eligible (bit 3): a synced, multi-device passkey. */
  be: z.boolean(),
  /** Backup state (bit 4): currently backed up. */
  bs: z.boolean(),
  /** Attested credential data included (bit 6). */
  at: z.boolean(),
  /** Extension data included (bit 7). */
  ed: z.boolean(),
  /** The flags byte. */
  value: z.number().int(),
});
export type AuthenticatorFlags = z.infer<typeof authenticatorFlagsSchema>;

export const publicKeySchema = z.object({
  /** COSE key type name: 'EC2', 'OKP', 'RSA', ... (the number as text when unknown). */
  kty: z.string(),
  alg: z.number().int(),
  /** 'ES256', 'EdDSA', 'RS256', ...; null for an algorithm the decoder does not know. */
  algName: z.string().nullable(),
  /** EC2 and OKP keys: 'P-256', 'Ed25519', ... */
  crv: z.string().optional(),
  /** RSA keys: modulus length in bits. */
  keyBits: z.number().int().optional(),
});
export type DecodedPublicKey = z.infer<typeof publicKeySchema>;

export const attestedCredentialDataSchema = z.object({
  aaguid: z.string(),
  providerName: z.string().nullable(),
  credentialId: z.string(),
  publicKey: publicKeySchema,
});
export type DecodedAttestedCredentialData = z.infer<typeof attestedCredentialDataSchema>;

export const authenticatorDataSchema = z.object({
  /** SHA-256 of the RP ID, hex. */
  rpIdHash: z.string(),
  flags: authenticatorFlagsSchema,
  signCount: z.number().int(),
  attestedCredentialData: attestedCredentialDataSchema.optional(),
  extensions: jsonRecordSchema.optional(),
});
export type DecodedAuthenticatorData = z.infer<typeof authenticatorDataSchema>;

// ---- attestation object (§6.5, §8) ---------------------------------------------------------------

/** The attestation type (§6.5.4) the format and its statement imply; `unknown` for other formats. */
export const statementKinds = ['none', 'self', 'basic', 'attca', 'anonca', 'unknown'] as const;
export type StatementKind = (typeof statementKinds)[number];

export const certificateSummarySchema = z.object({
  /** The distinguished name, e.g. 'C=SE, O=Yubico AB, CN=...'; '' when empty (a TPM AIK certificate has none). */
  subject: z.string(),
  issuer: z.string(),
  /** Subject alternative names, when the certificate has them (a TPM AIK certificate names its TPM here). */
  subjectAltName: z.string().optional(),
  /** ISO-8601 */
  notBefore: z.string(),
  /** ISO-8601 */
  notAfter: z.string(),
});
export type CertificateSummary = z.infer<typeof certificateSummarySchema>;

export const attestationObjectSchema = z.object({
  fmt: z.string(),
  statementKind: z.enum(statementKinds),
  /** attStmt.alg (COSE), when the statement has one. */
  alg: z.number().int().optional(),
  algName: z.string().nullable().optional(),
  /** The attestation statement's members, e.g. ['alg', 'sig', 'x5c']. */
  attStmtKeys: z.array(z.string()),
  certificates: z.array(certificateSummarySchema),
  authenticatorData: authenticatorDataSchema,
  /** android-safetynet: attStmt.ver and the SafetyNet JWS payload (nonce, timestampMs, ctsProfileMatch, ...). */
  safetyNet: z.object({ ver: z.string().nullable(), payload: jsonRecordSchema.nullable() }).optional(),
});
export type DecodedAttestationObject = z.infer<typeof attestationObjectSchema>;

/**
 * How far an attestation can be trusted:
 * - `not applicable`: fmt none, there is no statement;
 * - `self`: signed by the credential's own key (proves integrity, not the make or model);
 * - `trusted`: the certificate chain leads to a known root (built into @simplewebauthn/server
 *   for apple, android-key and android-safetynet, or from the AAGUID's MDS metadata statement);
 * - `simulated`: the chain leads to this lab's simulator root while simulated devices are on
 *   (a simulated device, never `trusted`);
 * - `not checked`: the signature verified but no root is known to check the chain against;
 * - `untrusted`: the statement or its chain did not verify (or it chains to the simulator root
 *   while simulated devices are off).
 */
export const attestationTrusts = ['not applicable', 'self', 'trusted', 'simulated', 'not checked', 'untrusted'] as const;
export type AttestationTrust = (typeof attestationTrusts)[number];

/** The decoder's verification of a statement (POST /api/inspect). */
export const attestationVerificationSchema = z.object({
  verified: z.boolean(),
  message: z.string(),
  trust: z.enum(attestationTrusts),
  /** The certificate chain leads to this lab's simulator root (whether or not that root is trusted now). */
  simulated: z.literal(true).optional(),
});
export type AttestationVerification = z.infer<typeof attestationVerificationSchema>;

/** A registration report's `attestationTrust`: what the relying party concluded about the statement. */
export const attestationTrustSchema = z.object({
  trust: z.enum(attestationTrusts),
  message: z.string(),
  /** A simulated device: its chain leads to this lab's simulator root, or the SPA claimed it (`simulatedBy`). */
  simulated: z.literal(true).optional(),
  /** How the lab knows it is simulated: `attestation` (the simulator root) or `claim` (the SPA said so; not attested). */
  simulatedBy: z.enum(['attestation', 'claim']).optional(),
  /** For a simulated device: which one, in words. */
  label: z.string().optional(),
});
export type AttestationTrustReport = z.infer<typeof attestationTrustSchema>;

// ---- assertion parts (§6.3.3, §5.2.2) ---------------------------------------------------------------

export const signatureSchema = z.object({
  byteLength: z.number().int(),
  /** 'der': an ASN.1 DER ECDSA signature (ES256, ES384, ...); 'raw': EdDSA or RSA bytes. */
  encoding: z.enum(['der', 'raw']),
  /** What the encoding and length suggest, e.g. 'ECDSA (ES256, ES384 or ES512)', 'EdDSA (Ed25519)'. */
  likelyAlgorithm: z.string(),
  /** For DER: lengths of the r and s integers. */
  der: z.object({ rByteLength: z.number().int(), sByteLength: z.number().int() }).optional(),
});
export type DecodedSignature = z.infer<typeof signatureSchema>;

export const userHandleSchema = z.object({
  base64url: z.string(),
  byteLength: z.number().int(),
  /** The bytes as text when they are printable UTF-8 (a user handle should not be a username!). */
  text: z.string().nullable(),
});
export type DecodedUserHandle = z.infer<typeof userHandleSchema>;

// ---- a ceremony report's `decoded` --------------------------------------------------------------
// A refused ceremony reports what it had decoded when it stopped, so every part is optional.

export const registrationDecodedSchema = z.object({
  clientData: clientDataSchema,
  attestation: attestationObjectSchema,
  /** clientExtensionResults as the browser reported them. */
  extensions: jsonRecordSchema,
  transports: z.array(z.string()),
  /** Set once the attestation statement was checked. */
  attestationTrust: attestationTrustSchema,
}).partial();
export type RegistrationDecoded = z.infer<typeof registrationDecodedSchema>;

export const authenticationDecodedSchema = z.object({
  clientData: clientDataSchema,
  authenticatorData: authenticatorDataSchema,
  signature: signatureSchema,
  userHandle: userHandleSchema.nullable(),
  extensions: jsonRecordSchema,
  authenticatorAttachment: z.string().nullable(),
}).partial();
export type AuthenticationDecoded = z.infer<typeof authenticationDecodedSchema>;

// ---- the decoder's answer (POST /api/inspect) ---------------------------------------------------------

const credentialSummary = {
  /** The response's `id` (base64url credential ID), when it has one. */
  id: z.string().nullable(),
  /** The response's `type` ('public-key'), when it has one. */
  type: z.string().nullable(),
  authenticatorAttachment: z.string().optional(),
  clientExtensionResults: jsonRecordSchema.optional(),
  clientData: clientDataSchema,
  /** The RP ID (the origin's host or one of its parent domains) whose SHA-256 is rpIdHash; null when none is. */
  rpIdFromOrigin: z.string().nullable(),
};

export const inspectedRegistrationSchema = z.object({
  ...credentialSummary,
  transports: z.array(z.string()).optional(),
  attestationObject: attestationObjectSchema,
  attestation: z.object({
    fmt: z.string(),
    statementKind: z.enum(statementKinds),
    alg: z.number().int().optional(),
    verification: attestationVerificationSchema,
  }),
  /** `id` equals the credential ID inside authenticatorData (null when either is missing). */
  idMatchesCredentialId: z.boolean().nullable(),
});
export type InspectedRegistration = z.infer<typeof inspectedRegistrationSchema>;

export const inspectedAuthenticationSchema = z.object({
  ...credentialSummary,
  authenticatorData: authenticatorDataSchema,
  signature: signatureSchema,
  userHandle: userHandleSchema.nullable(),
});
export type InspectedAuthentication = z.infer<typeof inspectedAuthenticationSchema>;

export const inspectResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('registration'), decoded: inspectedRegistrationSchema }),
  z.object({ kind: z.literal('authentication'), decoded: inspectedAuthenticationSchema }),
  z.object({ kind: z.literal('attestationObject'), decoded: attestationObjectSchema }),
  z.object({ kind: z.literal('authenticatorData'), decoded: authenticatorDataSchema }),
  z.object({ kind: z.literal('clientDataJSON'), decoded: clientDataSchema }),
]);
export type InspectResult = z.infer<typeof inspectResultSchema>;

/** What the decoder recognised the input as. */
export type InspectKind = InspectResult['kind'];
export const inspectKinds = ['registration', 'authentication', 'attestationObject', 'authenticatorData', 'clientDataJSON'] as const satisfies readonly InspectKind[];
