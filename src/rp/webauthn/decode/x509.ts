/**
 * X.509 attestation certificates summarised: subject, issuer, subject alternative names (a TPM
 * AIK certificate's TCG attributes named) and validity.
 */
import { X509Certificate } from 'node:crypto';
import type { CertificateSummary } from '../../../shared/decoded.js';

/** TCG attribute OIDs a TPM AIK certificate puts in its subjectAltName (TPM 2.0 EK credential profile). */
const tpmAttributeNames: Readonly<Record<string, string>> = { '1': 'tpmManufacturer', '2': 'tpmModel', '3': 'tpmVersion' };

/** A DER string (UTF8String, PrintableString, IA5String) given as hex, as text; else the hex back. */
function derStringText(hexValue: string): string {
  const bytes = Buffer.from(hexValue, 'hex');
  const tag = bytes[0];
  const length = bytes[1];
  if ((tag === 0x0c || tag === 0x13 || tag === 0x16) && length !== undefined && length < 0x80 && bytes.length === length + 2) {
    return bytes.subarray(2).toString('utf8');
  }
  return `#${hexValue}`;
}

/** Node's subjectAltName text, with the TPM attributes named and their values readable. */
function readableSubjectAltName(text: string): string {
  return text
    .replace(/DirName:"((?:[^"\\]|\\.)*)"/g, (_, inner: string) => `DirName:${inner.replace(/\\u002c/gi, ',').replace(/\\(.)/g, '$1')}`)
    .replace(/2\.23\.133\.2\.([123])=#([0-9A-Fa-f]+)/g, (_, n: string, value: string) => `${tpmAttributeNames[n] ?? n}=${derStringText(value)}`);
}

/** One line per distinguished name: Node gives one attribute per line, and undefined when the name is empty. */
const distinguishedName = (text: string | undefined): string => (text ?? '').split('\n').filter(Boolean).join(', ');

/** The facts of one X.509 certificate (DER) the decoder shows; throws when it is not one. */
export function summariseCertificate(der: Uint8Array): CertificateSummary {
  const cert = new X509Certificate(der);
  const iso = (text: string) => {
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? text : date.toISOString();
  };
  const summary: CertificateSummary = {
    subject: distinguishedName(cert.subject),
    issuer: distinguishedName(cert.issuer),
    notBefore: iso(cert.validFrom),
    notAfter: iso(cert.validTo),
  };
  const subjectAltName = cert.subjectAltName;
  if (subjectAltName) summary.subjectAltName = readableSubjectAltName(subjectAltName);
  return summary;
}
