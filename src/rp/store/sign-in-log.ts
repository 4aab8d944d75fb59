import type { SimulatedBy } from '../../shared/simulator-labels.js';
import type { SignInLogEntry } from '../../shared/tenant.js';
import type { AuthenticatorDirectory } from '../metadata/directory.js';
import type { Db } from './database.js';
import { statement } from './statements.js';

export interface SignInLogRow {
  id: number;
  at: string;
  ceremony: SignInLogEntry['ceremony'];
  user_id: string | null;
  username: string | null;
  credential_id: string | null;
  aaguid: string | null;
  result: string;
  method: SignInLogEntry['method'];
  browser: string;
  os: string;
  /** 1 when the passkey (or the registration's attestation) is from a simulated device. */
  simulated: number;
  /** How the lab knows (NULL for a real device; rows without it read as 'attestation'). */
  simulated_by?: SimulatedBy | null;
}

/** Who and which passkey an attempt was about, as far as the ceremony got to know. */
export interface LogSubject {
  userId?: string | null;
  username?: string | null;
  credentialId?: string | null;
  aaguid?: string | null;
  /** A simulated device's passkey (its attestation chains to this lab's simulator root, or practice mode claimed it). */
  simulated?: boolean;
  /** How the lab knows it is simulated (absent: by attestation). */
  simulatedBy?: SimulatedBy;
  /** The request carried practice mode's claim `device.simulated` (read by the ceremony; a label only, never trust). */
  claimedSimulated?: boolean;
}

export function appendSignInLog(db: Db, row: Omit<SignInLogRow, 'id'>): void {
  statement(db,
    `INSERT INTO sign_in_log (at, ceremony, user_id, username, credential_id, aaguid, result, method, browser, os, simulated, simulated_by)
     VALUES (@at, @ceremony, @user_id, @username, @credential_id, @aaguid, @result, @method, @browser, @os, @simulated, @simulated_by)`,
  ).run({ ...row, simulated_by: row.simulated_by ?? (row.simulated === 1 ? 'attestation' : null) });
}

export interface SignInLogFilter {
  username?: string | undefined;
  ceremony?: SignInLogEntry['ceremony'] | undefined;
  /** `success`, `failure` or one error code. */
  result?: string | undefined;
  limit: number;
}

export function querySignInLog(db: Db, filter: SignInLogFilter): SignInLogRow[] {
  const where: string[] = [];
  const params: Record<string, string | number> = { limit: filter.limit };
  if (filter.username) {
    where.push('username = @username COLLATE NOCASE');
    params.username = filter.username;
  }
  if (filter.ceremony) {
    where.push('ceremony = @ceremony');
    params.ceremony = filter.ceremony;
  }
  if (filter.result === 'failure') where.push("result <> 'success'");
  else if (filter.result) {
    where.push('result = @result');
    params.result = filter.result;
  }
  const sql = `SELECT * FROM sign_in_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`;
  return statement<[Record<string, string | number>], SignInLogRow>(db, sql).all(params);
}

export function toSignInLogEntry(row: SignInLogRow, directory: AuthenticatorDirectory): SignInLogEntry {
  return {
    id: row.id,
    at: row.at,
    ceremony: row.ceremony,
    userId: row.user_id,
    username: row.username,
    credentialId: row.credential_id,
    aaguid: row.aaguid,
    providerName: row.aaguid ? directory.lookup(row.aaguid).name : null,
    result: row.result,
    method: row.method,
    browser: row.browser,
    os: row.os,
    simulated: row.simulated === 1,
    ...(row.simulated === 1 ? { simulatedBy: row.simulated_by ?? 'attestation' } : {}),
  };
}
