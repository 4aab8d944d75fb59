/**
 * Plain words for the relying party's ceremony report (src/shared/report.ts): what each check
 * is called, and the outcome of a ceremony ('accepted' or the error code it was refused with).
 * Pure, unit-tested.
 */
import type { CheckId } from '../shared/report';
import type { CeremonyReport, Check } from '../shared/schemas';
import { ApiError, isCeremonyReport } from './api-client';

/** Every check id the relying party can report; TypeScript fails the build if one is missing. */
export const checkNames: Record<CheckId, string> = {
  challenge: 'Challenge',
  origin: 'Origin (web address)',
  type: 'Ceremony type',
  credential: 'Known passkey',
  userHandle: 'Account (user handle)',
  rpIdHash: 'Site (RP ID hash)',
  userPresence: 'User presence',
  userVerification: 'User verification (PIN or biometric)',
  backupFlags: 'Backup flags (backed up only if eligible)',
  attestation: 'Attestation',
  publicKey: 'Valid public key',
  signature: 'Signature',
  counter: 'Signature counter',
  credentialId: 'Credential id (length, matches the authenticator data)',
  credentialUnique: 'New passkey (not registered before)',
  username: 'Username still free',
  policy: 'Organisation policy',
};

/** The name of a check in words; an id this version does not know is shown as it is. */
export function checkName(id: string): string {
  return Object.hasOwn(checkNames, id) ? checkNames[id as CheckId] : id;
}

/** "Signature failed: …": one line per check, as read out and copied. */
export function describeCheck(check: Pick<Check, 'id' | 'passed' | 'message'>): string {
  return `${checkName(check.id)} ${check.passed ? 'passed' : 'failed'}: ${check.message}`;
}

/** 'accepted', or the error code a refused ceremony answered with. */
export type CeremonyOutcome = 'accepted' | (string & {});

export const ceremonyWords: Record<CeremonyReport['ceremony'], string> = {
  registration: 'Registration',
  authentication: 'Sign-in',
};

/** The failed check, if the ceremony was refused by one. */
export function failedCheck(report: CeremonyReport): Check | undefined {
  return report.checks.find((check) => !check.passed);
}

/** The report a refused verify call carried, if the error is one. */
export function reportOfError(error: unknown): CeremonyReport | undefined {
  return error instanceof ApiError ? error.report : undefined;
}

/** The outcome of a ceremony that ended with this error. */
export function outcomeOfError(error: unknown): CeremonyOutcome {
  return error instanceof ApiError ? error.code : 'error';
}

/** "accepted" / "refused (signature_invalid)". */
export function outcomeWords(outcome: CeremonyOutcome): string {
  return outcome === 'accepted' ? 'accepted' : `refused (${outcome})`;
}

/** The report a page was handed in navigation state (after a sign-in), if any. */
export function readCeremonyReport(state: unknown): CeremonyReport | null {
  if (typeof state !== 'object' || state === null) return null;
  const report = (state as { report?: unknown }).report;
  return isCeremonyReport(report) ? report : null;
}
