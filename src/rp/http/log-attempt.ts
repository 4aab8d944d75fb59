import type { Context } from 'hono';
import type { SignInLogEntry } from '../../shared/tenant.js';
import { describeUserAgent } from '../../shared/user-agent.js';
import { appendSignInLog, type LogSubject } from '../store/sign-in-log.js';
import type { Env } from './env.js';
import { RpError } from './rp-error.js';

/** What an attempt may do with its log entry. */
export interface AttemptLog {
  /**
   * Runs the attempt's writes and its `success` entry in one SQLite transaction: one commit for
   * the whole ceremony, and a refused or failed one leaves nothing of it but its error entry.
   */
  commit<R>(writes: () => R): R;
}

/**
 * Runs one registration or sign-in attempt and writes it to the sign-in log: `success`, or the
 * error code it was refused with (an unexpected error is logged as `internal_error`). The
 * attempt fills `subject` as it learns who and which passkey it is about.
 */
export async function logAttempt<T>(
  c: Context<Env>,
  entry: { ceremony: SignInLogEntry['ceremony']; method: SignInLogEntry['method'] },
  attempt: (subject: LogSubject, log: AttemptLog) => Promise<T>,
): Promise<T> {
  const subject: LogSubject = {};
  let committed = false;
  const log: AttemptLog = {
    commit: (writes) => {
      const result = c.get('deps').db.transaction(() => {
        const written = writes();
        appendAttempt(c, entry, subject, 'success');
        return written;
      })();
      committed = true;
      return result;
    },
  };
  try {
    const value = await attempt(subject, log);
    if (!committed) appendAttempt(c, entry, subject, 'success');
    return value;
  } catch (error) {
    // Rolled back (or never reached): the attempt is logged with its error instead.
    if (!committed) appendAttempt(c, entry, subject, error instanceof RpError ? error.code : 'internal_error');
    throw error;
  }
}

/** Writes one attempt to the sign-in log (also one refused before any ceremony, e.g. at its options). */
export function appendAttempt(
  c: Context<Env>,
  entry: { ceremony: SignInLogEntry['ceremony']; method: SignInLogEntry['method'] },
  subject: LogSubject,
  result: string,
): void {
  const { db, now } = c.get('deps');
  appendSignInLog(db, {
    at: new Date(now()).toISOString(),
    ceremony: entry.ceremony,
    method: entry.method,
    user_id: subject.userId ?? null,
    username: subject.username ?? null,
    credential_id: subject.credentialId ?? null,
    aaguid: subject.aaguid?.toLowerCase() ?? null,
    result,
    simulated: subject.simulated ? 1 : 0,
    simulated_by: subject.simulated ? (subject.simulatedBy ?? 'attestation') : null,
    ...describeUserAgent(c.req.header('user-agent') ?? ''),
  });
}
