/**
 * A ceremony transcript: the report of one ceremony as a JSON file for a bug report. The
 * relying party puts nothing secret in a report; as a second line of defence, members whose
 * names say they are secret (session ids, cookies, private keys, passwords, access passes)
 * are dropped wherever they appear. The challenge stays: once used it is no longer secret,
 * and it is what ties the response to the request. Pure, unit-tested.
 */
import type { CeremonyReport } from '../shared/schemas';
import type { CeremonyOutcome } from './ceremony-report';

export const LAB_NAME = 'Passkey Lab';

export interface Transcript {
  lab: typeof LAB_NAME;
  exportedAt: string;
  ceremony: CeremonyReport['ceremony'];
  outcome: CeremonyOutcome;
  report: CeremonyReport;
}

export interface TranscriptBundle {
  lab: typeof LAB_NAME;
  exportedAt: string;
  ceremonies: (Omit<Transcript, 'lab' | 'exportedAt'> & { at: string })[];
}

/** Member names (compared without case, '-' and '_') that are never exported. */
const secretNames = new Set([
  'session',
  'sessionid',
  'sessionidhash',
  'sid',
  'cookie',
  'setcookie',
  'privatekey',
  'secret',
  'secretkey',
  'password',
  'tap',
  'tapcode',
  'temporaryaccesspass',
  'accesspass',
  'accesstoken',
  'refreshtoken',
]);

export function isSecretName(name: string): boolean {
  return secretNames.has(name.toLowerCase().replace(/[-_]/g, ''));
}

/** A deep copy without secret-named members (and without anything JSON cannot hold). */
export function withoutSecrets<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (key, member: unknown) => (key !== '' && isSecretName(key) ? undefined : member)),
  ) as T;
}

export function buildTranscript(report: CeremonyReport, outcome: CeremonyOutcome, now: Date = new Date()): Transcript {
  return {
    lab: LAB_NAME,
    exportedAt: now.toISOString(),
    ceremony: report.ceremony,
    outcome,
    report: withoutSecrets(report),
  };
}

export function buildTranscriptBundle(
  entries: readonly { at: string; outcome: CeremonyOutcome; report: CeremonyReport }[],
  now: Date = new Date(),
): TranscriptBundle {
  return {
    lab: LAB_NAME,
    exportedAt: now.toISOString(),
    ceremonies: entries.map(({ at, outcome, report }) => ({ at, ceremony: report.ceremony, outcome, report: withoutSecrets(report) })),
  };
}

/** "passkey-lab-registration-2025-01-31T10-15-00Z.json" */
export function transcriptFileName(what: string, at: Date = new Date()): string {
  const stamp = at.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  return `passkey-lab-${what}-${stamp}.json`;
}

export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
