/**
 * Temporary Access Passes: issued by an admin, shown once, stored only as a salted scrypt hash,
 * redeemed at /sign-in to onboard someone who has no passkey yet (Entra's TAP, see
 * ../../../../shared/design/tenant-policy.md). Guessing is rate-limited per username.
 */
import { randomBytes, randomInt, randomUUID, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { TAP_LIMITS, type TapSettings } from '../../shared/policy.js';
import type { IssuedTap, TapSummary } from '../../shared/tenant.js';
import type { Deps } from '../http/env.js';
import { RpError } from '../http/rp-error.js';
import { countTapFailures, forgetTapFailure, forgetTapFailures, insertTap, listTaps, markTapUsed, recordTapFailure, tapsOf, type TapRow } from '../store/temporary-access-passes.js';
import type { LogSubject } from '../store/sign-in-log.js';
import { findUserById, findUserByUsername, insertUser, toUser, type UserRow } from '../store/users.js';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

/** Letters and digits without the look-alikes (0/O, 1/l/I), so a pass can be read out. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** Five failed attempts for one username within 15 minutes, then 429 until the window passes. */
export const TAP_MAX_FAILURES = 5;
export const TAP_FAILURE_WINDOW_MS = 15 * 60 * 1000;

export function generateTapCode(length: number = TAP_LIMITS.length.default): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

export async function hashTapCode(code: string): Promise<string> {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${(await scryptAsync(code, salt, 32)).toString('hex')}`;
}

export async function tapCodeMatches(code: string, stored: string): Promise<boolean> {
  const [saltHex, hashHex] = stored.split(':');
  if (!saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = await scryptAsync(code, Buffer.from(saltHex, 'hex'), expected.length);
  return timingSafeEqual(actual, expected);
}

/** Issues a pass for `username`, creating the user when missing. The answer is the only place the code appears. */
export async function issueTap(
  { db, now }: Deps,
  request: { username: string; displayName?: string | undefined },
  settings: TapSettings,
): Promise<IssuedTap> {
  const code = generateTapCode(settings.length);
  const codeHash = await hashTapCode(code);
  const createdAt = now();
  const existing = findUserByUsername(db, request.username);
  const { user, created } = db.transaction((): { user: UserRow; created: boolean } => {
    const user =
      existing ??
      insertUser(db, {
        id: randomUUID(),
        username: request.username,
        display_name: request.displayName || request.username,
        user_handle: randomBytes(32).toString('base64url'),
        created_at: new Date(createdAt).toISOString(),
      });
    insertTap(db, {
      id: randomUUID(),
      user_id: user.id,
      code_hash: codeHash,
      created_at: createdAt,
      expires_at: createdAt + settings.lifetimeInMinutes * 60_000,
      lifetime_in_minutes: settings.lifetimeInMinutes,
      is_usable_once: settings.isUsableOnce ? 1 : 0,
      used_at: null,
      replaced_at: null,
    });
    return { user, created: !existing };
  })();
  const { status: _status, ...issued } = tapSummary(tapsOf(db, user.id)[0]!, user, createdAt);
  return { ...issued, userCreated: created, temporaryAccessPass: code };
}

export function tapStatus(row: TapRow, now: number): TapSummary['status'] {
  if (row.replaced_at !== null) return 'replaced';
  if (row.is_usable_once === 1 && row.used_at !== null) return 'used';
  if (now >= row.expires_at) return 'expired';
  return 'active';
}

/** A pass as the admin screen lists it (never its code). */
export function tapSummary(row: TapRow, user: UserRow, now: number): TapSummary {
  return {
    id: row.id,
    user: toUser(user),
    createdDateTime: new Date(row.created_at).toISOString(),
    expiresDateTime: new Date(row.expires_at).toISOString(),
    lifetimeInMinutes: row.lifetime_in_minutes,
    isUsableOnce: row.is_usable_once === 1,
    status: tapStatus(row, now),
  };
}

/** Every pass of the tenant, newest first as the store lists them. */
export function tapSummaries({ db, now }: Deps): TapSummary[] {
  const at = now();
  return listTaps(db).flatMap((row) => {
    const user = findUserById(db, row.user_id);
    return user ? [tapSummary(row, user, at)] : [];
  });
}

/** A hash no code matches, checked for usernames without a pass. */
const unknownUserHash = hashTapCode(randomBytes(16).toString('hex'));

/**
 * Checks a pass typed at /sign-in. A wrong code and an unknown username get the same answer
 * (tap_invalid); a right code says whether it expired or was used. Returns the user to sign in.
 */
export async function redeemTap({ db, now }: Deps, username: string, code: string, subject: LogSubject = {}): Promise<UserRow> {
  const at = now();
  if (countTapFailures(db, username, at - TAP_FAILURE_WINDOW_MS) >= TAP_MAX_FAILURES) {
    throw new RpError('rate_limited', 'Too many wrong Temporary Access Pass attempts for this username. Wait 15 minutes and try again.');
  }
  // Count the attempt as failed before the (asynchronous) scrypt checks, in the same synchronous
  // step as the count above: otherwise parallel guesses would all pass the limit while they run.
  const attempt = recordTapFailure(db, username, at);
  const user = findUserByUsername(db, username);
  if (user) subject.userId = user.id;
  // The newest few are enough: older ones were replaced anyway (and each check costs an scrypt).
  const passes = user ? tapsOf(db, user.id).slice(0, 3) : [];
  let match: TapRow | undefined;
  for (const row of passes) {
    if (await tapCodeMatches(code, row.code_hash)) {
      match = row;
      break;
    }
  }
  // As slow for an unknown username as for a wrong code: the timing does not tell which usernames exist.
  if (passes.length === 0) await tapCodeMatches(code, await unknownUserHash);
  if (!user || !match) throw new RpError('tap_invalid');
  // The right code: not a failed attempt, whatever the pass's status.
  forgetTapFailure(db, attempt);
  // Read the pass again: during the scrypt checks a parallel attempt may have used it (or a new
  // pass replaced it). From here to markTapUsed nothing awaits, so no other attempt interleaves.
  const matched = match;
  const current = tapsOf(db, user.id).find((row) => row.id === matched.id) ?? matched;
  const status = tapStatus(current, at);
  if (status === 'expired') throw new RpError('tap_expired');
  if (status === 'used' || status === 'replaced') throw new RpError('tap_used');
  markTapUsed(db, match.id, at);
  forgetTapFailures(db, username);
  return user;
}
