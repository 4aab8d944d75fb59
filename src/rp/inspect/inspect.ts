/**
 * The inspector: paste anything a WebAuthn ceremony produces and get it explained. It
 * accepts a whole RegistrationResponseJSON or AuthenticationResponseJSON (as an object or
 * JSON text, also wrapped as `{ response: ... }` like the verify bodies), or one bare
 * base64url part, which it identifies. Input it cannot decode is a 400 invalid_request that
 * names the part and the field; nothing else is thrown.
 */
import { createHash } from 'node:crypto';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import type { DecodedClientData, InspectedAuthentication, InspectedRegistration, InspectResult, JsonRecord } from '../../shared/decoded.js';
import { RpError } from '../http/rp-error.js';
import { type AuthenticatorDirectory, builtInDirectory } from '../metadata/directory.js';
import { type AttestationTrustAnchor, verifyAttestation } from '../webauthn/attestation-trust.js';
import { decodeAttestationObject, decodeAttestationParts, tryAttestationMap } from '../webauthn/decode/attestation-object.js';
import { decodeAuthenticatorData } from '../webauthn/decode/authenticator-data.js';
import { base64urlBytes } from '../webauthn/decode/bytes.js';
import { decodeClientData, tryClientData } from '../webauthn/decode/client-data.js';
import { decodeError, kindOf, shortReason } from '../webauthn/decode/errors.js';
import { decodeSignature } from '../webauthn/decode/signature.js';
import { decodeUserHandle } from '../webauthn/decode/user-handle.js';

/** The members a registration and an authentication response share. */
type CredentialSummary = Omit<InspectedAuthentication, 'authenticatorData' | 'signature' | 'userHandle'>;

export type { InspectedAuthentication, InspectedRegistration, InspectKind, InspectResult } from '../../shared/decoded.js';

export interface InspectOptions {
  /** Names AAGUIDs and supplies attestation roots; default: the built-in AAGUID table only. */
  directory?: AuthenticatorDirectory;
  /** This lab's simulator root: a chain to it reads `simulated` (while on) or `untrusted` (while off). */
  simulator?: AttestationTrustAnchor;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export async function inspect(input: unknown, options: InspectOptions = {}): Promise<InspectResult> {
  try {
    return await inspectInput(input, options.directory ?? builtInDirectory, options.simulator);
  } catch (error) {
    if (error instanceof RpError) throw error;
    // A decoder corner this module did not foresee: still the caller's input, never a 500.
    throw decodeError('input', shortReason(error), 'input');
  }
}

async function inspectInput(input: unknown, directory: AuthenticatorDirectory, simulator?: AttestationTrustAnchor): Promise<InspectResult> {
  if (typeof input === 'string') {
    const text = input.trim();
    if (text.startsWith('{') || text.startsWith('[')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        throw decodeError('input', 'it looks like JSON but is not valid JSON', 'input');
      }
      return inspectObject(parsed, 'input', directory, simulator);
    }
    return inspectString(text, directory);
  }
  return inspectObject(input, 'input', directory, simulator);
}

function inspectString(text: string, directory: AuthenticatorDirectory): InspectResult {
  const bytes = base64urlBytes(text, 'input', 'input');
  const clientData = tryClientData(bytes);
  if (clientData) return { kind: 'clientDataJSON', decoded: clientData };
  if (tryAttestationMap(bytes)) return { kind: 'attestationObject', decoded: decodeAttestationObject(bytes, { directory, field: 'input' }) };
  if (bytes.length < 37) {
    throw decodeError('input', `it is not clientDataJSON, an attestationObject or authenticatorData (only ${bytes.length} bytes)`, 'input');
  }
  try {
    return { kind: 'authenticatorData', decoded: decodeAuthenticatorData(bytes, { directory, field: 'input' }) };
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^.*?could not be decoded: /, '') : 'unknown error';
    throw decodeError('input', `it is not clientDataJSON or an attestationObject, and not authenticatorData either (${reason})`, 'input');
  }
}

async function inspectObject(value: unknown, path: string, directory: AuthenticatorDirectory, simulator?: AttestationTrustAnchor): Promise<InspectResult> {
  if (!isRecord(value)) {
    throw new RpError(
      'invalid_request',
      `${path} must be a registration or authentication response (object or JSON text) or one base64url part, got ${kindOf(value)}.`,
      path,
    );
  }
  let credential = value;
  let credentialPath = path;
  // The verify endpoints' body: { response: RegistrationResponseJSON, ... }.
  if (isRecord(value.response) && isRecord(value.response.response)) {
    credential = value.response;
    credentialPath = `${path}.response`;
  }
  const looksLikeResponse = (candidate: Record<string, unknown>) =>
    'attestationObject' in candidate || 'signature' in candidate || 'authenticatorData' in candidate || 'clientDataJSON' in candidate;
  let response: Record<string, unknown>;
  let responsePath: string;
  if (isRecord(credential.response) && looksLikeResponse(credential.response)) {
    response = credential.response;
    responsePath = `${credentialPath}.response`;
  } else if (looksLikeResponse(credential)) {
    // Just the inner `response` member.
    response = credential;
    responsePath = credentialPath;
  } else {
    throw new RpError(
      'invalid_request',
      `${path} is not a registration or authentication response: it has no response.attestationObject or response.signature.`,
      path,
    );
  }
  const summary = (clientData: DecodedClientData, rpIdHash: string): CredentialSummary => {
    const result: CredentialSummary = {
      id: typeof credential.id === 'string' ? credential.id : null,
      type: typeof credential.type === 'string' ? credential.type : null,
      clientData,
      rpIdFromOrigin: rpIdFromOrigin(clientData.origin, rpIdHash),
    };
    if (typeof credential.authenticatorAttachment === 'string') result.authenticatorAttachment = credential.authenticatorAttachment;
    // The input came as JSON (a request body or JSON text), so its members are JSON values.
    if (isRecord(credential.clientExtensionResults)) result.clientExtensionResults = credential.clientExtensionResults as JsonRecord;
    return result;
  };

  if ('attestationObject' in response) {
    const clientDataField = `${responsePath}.clientDataJSON`;
    const clientData = decodeClientData(response.clientDataJSON as string, clientDataField);
    const clientDataBytes = base64urlBytes(response.clientDataJSON, 'clientDataJSON', clientDataField);
    const field = `${responsePath}.attestationObject`;
    const attestationBytes = base64urlBytes(response.attestationObject, 'attestationObject', field);
    const { decoded: attestationObject, x5c } = decodeAttestationParts(attestationBytes, { directory, field });
    const credentialId = attestationObject.authenticatorData.attestedCredentialData?.credentialId ?? null;
    const id = typeof credential.id === 'string' ? credential.id : credentialId;
    const transports = Array.isArray(response.transports) ? response.transports.filter((t): t is string => typeof t === 'string') : undefined;
    // The library reads base64url only: hand it the bytes this module decoded, re-encoded
    // (standard base64, as some tools and test vectors write it, would otherwise be misread).
    const forLibrary = {
      id: id ?? '',
      rawId: typeof credential.rawId === 'string' ? credential.rawId : (id ?? ''),
      type: typeof credential.type === 'string' ? credential.type : 'public-key',
      clientExtensionResults: {},
      response: {
        clientDataJSON: Buffer.from(clientDataBytes).toString('base64url'),
        attestationObject: Buffer.from(attestationBytes).toString('base64url'),
        ...(transports ? { transports } : {}),
      },
    } as RegistrationResponseJSON;
    const { verification } = await verifyAttestation(forLibrary, { origin: clientData.origin, attestationObject, x5c }, directory, simulator);
    const decoded: InspectedRegistration = {
      ...summary(clientData, attestationObject.authenticatorData.rpIdHash),
      attestationObject,
      attestation: {
        fmt: attestationObject.fmt,
        statementKind: attestationObject.statementKind,
        ...(attestationObject.alg === undefined ? {} : { alg: attestationObject.alg }),
        verification,
      },
      idMatchesCredentialId: typeof credential.id === 'string' && credentialId ? credential.id === credentialId : null,
    };
    if (transports) decoded.transports = transports;
    return { kind: 'registration', decoded };
  }

  const clientData = decodeClientData(response.clientDataJSON as string, `${responsePath}.clientDataJSON`);
  const authenticatorData = decodeAuthenticatorData(response.authenticatorData as string, {
    directory,
    field: `${responsePath}.authenticatorData`,
  });
  const signature = decodeSignature(response.signature as string, `${responsePath}.signature`);
  const userHandle = decodeUserHandle(response.userHandle, `${responsePath}.userHandle`);
  return {
    kind: 'authentication',
    decoded: { ...summary(clientData, authenticatorData.rpIdHash), authenticatorData, signature, userHandle },
  };
}

/** Which RP ID (the origin's host or a parent domain) hashes to rpIdHash, if any. */
export function rpIdFromOrigin(origin: string, rpIdHashHex: string): string | null {
  let host: string;
  try {
    host = new URL(origin).hostname;
  } catch {
    return null;
  }
  if (!host) return null;
  const labels = host.split('.');
  for (let i = 0; i < labels.length; i += 1) {
    const candidate = labels.slice(i).join('.');
    if (candidate && createHash('sha256').update(candidate).digest('hex') === rpIdHashHex) return candidate;
  }
  return null;
}
