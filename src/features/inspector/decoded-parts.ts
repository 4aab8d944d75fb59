/**
 * Finds the parts of a decoded WebAuthn response, whatever shape it came in: the report of a
 * verify call (`report.decoded`), or the decoder's answer for a whole response, an
 * attestationObject, authenticatorData or clientDataJSON (POST /api/inspect). Only what is
 * there and has the expected type is picked; the view shows the raw JSON as well. Pure.
 */
import { simulatedDeviceLabel } from '../../shared/simulator-labels';

export type InspectKind = 'registration' | 'authentication' | 'attestationObject' | 'authenticatorData' | 'clientDataJSON';

export const inspectKindWords: Record<InspectKind, string> = {
  registration: 'registration response',
  authentication: 'authentication response',
  attestationObject: 'attestation object',
  authenticatorData: 'authenticator data',
  clientDataJSON: 'client data (clientDataJSON)',
};

export function isInspectKind(value: unknown): value is InspectKind {
  return typeof value === 'string' && Object.hasOwn(inspectKindWords, value);
}

type Json = Record<string, unknown>;

export const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const bool = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);

export interface ClientDataPart {
  type?: string | undefined;
  challenge?: string | undefined;
  origin?: string | undefined;
  crossOrigin?: boolean | undefined;
  topOrigin?: string | undefined;
}

export const flagNames = ['up', 'uv', 'be', 'bs', 'at', 'ed'] as const;
export type FlagName = (typeof flagNames)[number];

export const flagWords: Record<FlagName, { label: string; meaning: string }> = {
  up: { label: 'UP', meaning: 'User present: someone touched or unlocked the authenticator' },
  uv: { label: 'UV', meaning: 'User verified: with a PIN, fingerprint or face' },
  be: { label: 'BE', meaning: 'Backup eligible: the passkey may be synced to other devices' },
  bs: { label: 'BS', meaning: 'Backed up: the passkey is synced now' },
  at: { label: 'AT', meaning: 'Attested credential data: a new public key is included' },
  ed: { label: 'ED', meaning: 'Extension data: authenticator extension results are included' },
};

export interface AuthenticatorDataPart {
  rpIdHash?: string | undefined;
  flags?: Partial<Record<FlagName, boolean>> & { value?: number | undefined };
  signCount?: number | undefined;
  aaguid?: string | undefined;
  providerName?: string | null | undefined;
  credentialId?: string | undefined;
  algorithm?: string | undefined;
  extensions?: Json | undefined;
}

export interface CertificatePart {
  subject?: string | undefined;
  issuer?: string | undefined;
  notBefore?: string | undefined;
  notAfter?: string | undefined;
}

export interface AttestationPart {
  fmt?: string | undefined;
  statementKind?: string | undefined;
  algorithm?: string | undefined;
  certificates: CertificatePart[];
  trust?: string | undefined;
  verified?: boolean | undefined;
  message?: string | undefined;
  /** The chain leads to this lab's simulator root: a simulated device. */
  simulated?: boolean | undefined;
  /** "Attested by this lab’s simulator, not by Microsoft" (for a simulated device). */
  label?: string | undefined;
}

export interface SignaturePart {
  byteLength?: number | undefined;
  encoding?: string | undefined;
  likelyAlgorithm?: string | undefined;
}

export interface UserHandlePart {
  base64url?: string | undefined;
  byteLength?: number | undefined;
  text?: string | null | undefined;
}

export interface DecodedParts {
  credentialId?: string | undefined;
  clientData?: ClientDataPart | undefined;
  authenticatorData?: AuthenticatorDataPart | undefined;
  attestation?: AttestationPart | undefined;
  extensions?: Json | undefined;
  signature?: SignaturePart | undefined;
  userHandle?: UserHandlePart | undefined;
}

function clientDataOf(value: unknown): ClientDataPart | undefined {
  if (!isRecord(value)) return undefined;
  if (str(value.type) === undefined && str(value.origin) === undefined && str(value.challenge) === undefined) return undefined;
  return {
    type: str(value.type),
    challenge: str(value.challenge),
    origin: str(value.origin),
    crossOrigin: bool(value.crossOrigin),
    topOrigin: str(value.topOrigin),
  };
}

/** "ES256 (EC2, P-256)", "RS256 (RSA, 2048 bits)", "COSE -7". */
export function algorithmWords(publicKey: unknown): string | undefined {
  if (!isRecord(publicKey)) return typeof publicKey === 'string' ? publicKey : undefined;
  const name = str(publicKey.algName) ?? str(publicKey.algorithm) ?? (num(publicKey.alg) !== undefined ? `COSE ${num(publicKey.alg)}` : undefined);
  const details = [str(publicKey.kty), str(publicKey.crv) ?? str(publicKey.curve), num(publicKey.keyBits) !== undefined ? `${num(publicKey.keyBits)} bits` : undefined]
    .filter(Boolean)
    .join(', ');
  if (!name) return details || undefined;
  return details ? `${name} (${details})` : name;
}

function authenticatorDataOf(value: unknown): AuthenticatorDataPart | undefined {
  if (!isRecord(value) || (!isRecord(value.flags) && str(value.rpIdHash) === undefined)) return undefined;
  const flags = isRecord(value.flags) ? value.flags : undefined;
  const attested = isRecord(value.attestedCredentialData) ? value.attestedCredentialData : value;
  return {
    rpIdHash: str(value.rpIdHash),
    flags: flags && {
      ...Object.fromEntries(flagNames.map((name) => [name, bool(flags[name])])),
      value: num(flags.value),
    },
    signCount: num(value.signCount) ?? num(value.counter),
    aaguid: str(attested.aaguid),
    providerName: attested.providerName === null ? null : str(attested.providerName),
    credentialId: str(attested.credentialId),
    algorithm: algorithmWords(attested.publicKey ?? attested.credentialPublicKey),
    extensions: isRecord(value.extensions) ? value.extensions : undefined,
  };
}

function certificatesOf(value: unknown): CertificatePart[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((certificate) => ({
    subject: str(certificate.subject),
    issuer: str(certificate.issuer),
    notBefore: str(certificate.notBefore),
    notAfter: str(certificate.notAfter),
  }));
}

/** Merges the attestation object (fmt, statement, certificates) with its verification (trust). */
function attestationOf(...sources: unknown[]): AttestationPart | undefined {
  const records = sources.filter(isRecord);
  if (records.length === 0) return undefined;
  const pick = <T,>(read: (record: Json) => T | undefined): T | undefined => {
    for (const record of records) {
      const found = read(record);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const verification = pick((record) => (isRecord(record.verification) ? record.verification : undefined));
  const certificates = pick((record) => (Array.isArray(record.certificates) ? certificatesOf(record.certificates) : undefined)) ?? [];
  const part: AttestationPart = {
    fmt: pick((record) => str(record.fmt) ?? str(record.format)),
    statementKind: pick((record) => str(record.statementKind)),
    algorithm: pick((record) => str(record.algName) ?? (num(record.alg) !== undefined ? `COSE ${num(record.alg)}` : undefined)),
    certificates,
    trust: str(verification?.trust) ?? pick((record) => str(record.trust)),
    verified: bool(verification?.verified) ?? pick((record) => bool(record.verified)),
    message: str(verification?.message) ?? pick((record) => str(record.message)),
    simulated: bool(verification?.simulated) ?? pick((record) => bool(record.simulated)),
    label: pick((record) => str(record.label)),
  };
  return part.fmt || part.statementKind || part.trust || certificates.length > 0 ? part : undefined;
}

/** A ceremony report carries the label; the decoder gives `simulated` only: the label follows from the AAGUID. */
function withSimulatedLabel(part: AttestationPart | undefined, aaguid: string | undefined): AttestationPart | undefined {
  if (!part?.simulated || part.label) return part;
  return { ...part, label: simulatedDeviceLabel(aaguid, part.trust) };
}

function signatureOf(value: unknown): SignaturePart | undefined {
  if (!isRecord(value)) return undefined;
  return { byteLength: num(value.byteLength), encoding: str(value.encoding), likelyAlgorithm: str(value.likelyAlgorithm) };
}

function userHandleOf(value: unknown): UserHandlePart | undefined {
  if (typeof value === 'string') return { base64url: value };
  if (!isRecord(value)) return undefined;
  return { base64url: str(value.base64url), byteLength: num(value.byteLength), text: value.text === null ? null : str(value.text) };
}

/** The parts of `decoded`; `kind` says what the decoder recognised (absent for a report). */
export function decodedParts(decoded: unknown, kind?: InspectKind): DecodedParts {
  if (!isRecord(decoded)) return {};
  if (kind === 'clientDataJSON') return { clientData: clientDataOf(decoded) };
  if (kind === 'authenticatorData') {
    const authenticatorData = authenticatorDataOf(decoded);
    return { authenticatorData, credentialId: authenticatorData?.credentialId };
  }
  if (kind === 'attestationObject') {
    const authenticatorData = authenticatorDataOf(decoded.authenticatorData);
    return { authenticatorData, attestation: attestationOf(decoded), credentialId: authenticatorData?.credentialId };
  }
  const attestationObject = isRecord(decoded.attestationObject) ? decoded.attestationObject : undefined;
  const attestationRecord = isRecord(decoded.attestation) ? decoded.attestation : undefined;
  const authenticatorData =
    authenticatorDataOf(decoded.authenticatorData) ??
    authenticatorDataOf(attestationObject?.authenticatorData) ??
    authenticatorDataOf(attestationRecord?.authenticatorData);
  const extensions = [decoded.extensions, decoded.clientExtensionResults].find(isRecord);
  return {
    credentialId: str(decoded.id) ?? str(decoded.credentialId) ?? authenticatorData?.credentialId,
    clientData: clientDataOf(decoded.clientData),
    authenticatorData,
    attestation: withSimulatedLabel(attestationOf(attestationRecord, attestationObject, decoded.attestationTrust), authenticatorData?.aaguid),
    extensions,
    signature: signatureOf(decoded.signature),
    userHandle: decoded.userHandle === null ? undefined : userHandleOf(decoded.userHandle),
  };
}
