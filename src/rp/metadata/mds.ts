import { X509Certificate } from 'node:crypto';
import { clip, describe } from './aaguid-names.js';
import { acceptIcon, isRecord, type LoadResult, normaliseAaguid, ProblemList, readJsonFile } from './files.js';

/** The parts of a FIDO MDS3 metadata statement the lab uses. */
export interface MdsStatement {
  description: string | null;
  /** Base64 (standard alphabet) DER certificates, as in MDS3; each parsed once to be sure it is one. */
  attestationRootCertificates: string[];
  /** `data:image/...` URI, when the statement has one. */
  icon?: string;
}

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * Reads FIDO MDS3 metadata statements from a JSON file holding either an array of metadata
 * statements, one statement, or an MDS3 BLOB payload `{ entries: [{ aaguid, metadataStatement }] }`
 * (the decoded, already verified payload: this loader checks no BLOB signature).
 *
 * Only FIDO2 entries (those with an AAGUID) are kept; U2F and UAF entries are skipped
 * silently. Never throws: problems are listed.
 */
export function loadMdsStatements(path?: string): LoadResult<MdsStatement> {
  const entries = new Map<string, MdsStatement>();
  const problems: string[] = [];
  if (!path?.trim()) return { entries, problems };
  const file = readJsonFile(path, problems, (text) =>
    JWT.test(text.trim())
      ? 'this is a signed MDS3 BLOB (a JWT). Verify it and save its payload JSON ({ "entries": [...] }) or an array of metadata statements instead.'
      : undefined,
  );
  if (!file.ok) return { entries, problems };

  let candidates: { aaguid: unknown; statement: unknown }[];
  const value = file.value;
  if (Array.isArray(value)) {
    candidates = value.map((statement: unknown) => ({ aaguid: isRecord(statement) ? statement.aaguid : undefined, statement }));
  } else if (isRecord(value) && Array.isArray(value.entries)) {
    candidates = value.entries.map((entry: unknown) =>
      isRecord(entry)
        ? { aaguid: entry.aaguid ?? (isRecord(entry.metadataStatement) ? entry.metadataStatement.aaguid : undefined), statement: entry.metadataStatement }
        : { aaguid: undefined, statement: entry },
    );
  } else if (isRecord(value) && (value.aaguid !== undefined || value.description !== undefined)) {
    candidates = [{ aaguid: value.aaguid, statement: value }];
  } else {
    problems.push(
      isRecord(value) && Object.keys(value).length === 0
        ? `${path}: the file holds no metadata statements ({}).`
        : `${path}: expected an array of metadata statements or an MDS3 BLOB payload { "entries": [...] }, got ${describe(value)}.`,
    );
    return { entries, problems };
  }

  const list = new ProblemList(path, problems);
  let droppedIcons = 0;
  candidates.forEach(({ aaguid: rawAaguid, statement }, index) => {
    const where = `entry ${index + 1}`;
    if (rawAaguid === undefined || rawAaguid === null) {
      // A U2F (attestationCertificateKeyIdentifiers) or UAF (aaid) authenticator: not a passkey provider.
      if (!isRecord(statement)) list.add(`${where} is not a metadata statement (${describe(statement)}); skipped.`);
      return;
    }
    const aaguid = normaliseAaguid(rawAaguid);
    if (!aaguid) {
      list.add(`${where}: "${clip(String(rawAaguid))}" is not an AAGUID; skipped.`);
      return;
    }
    if (!isRecord(statement)) {
      list.add(`${where} (${aaguid}) has no metadataStatement; skipped.`);
      return;
    }
    const roots: string[] = [];
    const rawRoots = statement.attestationRootCertificates;
    if (rawRoots !== undefined && !Array.isArray(rawRoots)) list.add(`${aaguid}: attestationRootCertificates is not an array; ignored.`);
    for (const [certIndex, cert] of (Array.isArray(rawRoots) ? rawRoots : []).entries()) {
      const normalised = typeof cert === 'string' ? cert.replace(/\s+/g, '') : '';
      if (normalised && isCertificate(normalised)) roots.push(normalised);
      else list.add(`${aaguid}: attestationRootCertificates[${certIndex}] is not a base64 DER certificate; ignored.`);
    }
    const entry: MdsStatement = {
      description: typeof statement.description === 'string' && statement.description.trim() ? statement.description.trim().slice(0, 200) : null,
      attestationRootCertificates: roots,
    };
    const icon = acceptIcon(statement.icon);
    if (icon) entry.icon = icon;
    else if (statement.icon !== undefined) droppedIcons += 1;
    if (entries.has(aaguid)) list.add(`${aaguid} appears more than once; the last statement is used.`);
    entries.set(aaguid, entry);
  });
  list.finish();
  if (droppedIcons > 0) problems.push(`${path}: ${droppedIcons} icon(s) were not data:image/ URIs and were dropped (icons are never fetched).`);
  if (entries.size === 0) problems.push(`${path}: no usable metadata statement with an AAGUID.`);
  return { entries, problems };
}

function isCertificate(base64: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return false;
  try {
    new X509Certificate(Buffer.from(base64, 'base64'));
    return true;
  } catch {
    return false;
  }
}
