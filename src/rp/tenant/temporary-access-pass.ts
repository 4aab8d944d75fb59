/**
 * Temporary Access Passes: issued by an admin, shown once, stored only as a salted scrypt hash,
 * redeemed at /sign-in to onboard someone who has no passkey yet (Entra's TAP, see
 * the Microsoft Learn page "Configure Temporary Access Pass"). Guessing is rate-limited per
 * username, per client address and in all, and scrypt never runs more than once at a time, so a
 * flood of attempts cannot take Node's thread pool from passkey sign-ins.
 */
import { randomBytes, randomInt, randomUUID, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { TAP_LIMITS, type TapSettings } from '../../shared/policy.js';
import type { IssuedTap, TapSummary } from '../../shared/tenant.js';
import type { Deps } from '../http/env.js';
import { Busy, LOCAL_CLIENT, Semaphore, SlidingWindow } from '../http/rate-limit.js';
import { RpError } from '../http/rp-error.js';
import type { Db } from '../store/database.js';
import type { LogSubject } from '../store/sign-in-log.js';
import { countTapFailures, forgetTapFailure, forgetTapFailures, insertTap, listTaps, markTapUsed, recordTapFailure, type TapRow, tapsOf } from '../store/temporary-access-passes.js';
import { findUserById, findUserByUsername, insertUser, toUser, usernameConflict, type UserRow } from '../store/users.js';

const scryptUnlimited = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

/**
 * scrypt (16 MB, tens of milliseconds) runs on libuv's thread pool, 4 threads shared with
 * WebCrypto's signature checks: one at a time here, so a flood of pass attempts leaves the other
 * threads to passkey sign-ins. Up to 16 more wait, at most 2 s each; beyond that the attempt is
 * refused (429 rate_limited) without being counted.
 */
export const scryptSlots = new Semaphore({ max: 1, maxWaiting: 16, maxWaitMs: 2000 });

function scryptAsync(password: string, salt: Buffer, keylen: number): Promise<Buffer> {
  return scryptSlots.run(() => scryptUnlimited(password, salt, keylen));
}

/** Letters and digits without the look-alikes (0/O, 1/l/I), so a pass can be read out. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** Five failed attempts for one username within 15 minutes, then 429 until the window passes. */
export const TAP_MAX_FAILURES = 5;
export const TAP_FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** Made-up usernames dodge the per-username limit: failed attempts also count per client address and in all. */
export const TAP_MAX_FAILURES_PER_CLIENT = 20;
export const TAP_MAX_FAILURES_OVERALL = 200;

interface FailureWindows {
  perClient: SlidingWindow;
  overall: SlidingWindow;
}

/** One set of windows per relying party (its database), kept in memory. */
const failureWindows = new WeakMap<Db, FailureWindows>();

function windowsOf({ db, config }: Deps): FailureWindows {
  let windows = failureWindows.get(db);
  if (!windows) {
    const limits = config.tapFailureLimits ?? { perClient: TAP_MAX_FAILURES_PER_CLIENT, overall: TAP_MAX_FAILURES_OVERALL };
    windows = { perClient: new SlidingWindow(limits.perClient, TAP_FAILURE_WINDOW_MS), overall: new SlidingWindow(limits.overall, TAP_FAILURE_WINDOW_MS) };
    failureWindows.set(db, windows);
  }
  return windows;
}

const OVERALL = 'all';

/**
 * A refusal answers after half a second (a tarpit; the wait costs no CPU). Answered at once, a
 * client keeping 32 attempts in flight would turn each refusal straight into its next attempt,
 * and hundreds of cheap refusals a second still take the event loop from passkey sign-ins.
 */
export const TAP_REFUSAL_DELAY_MS = 500;

async function refuse(message: string): Promise<never> {
  await new Promise((resolve) => setTimeout(resolve, TAP_REFUSAL_DELAY_MS));
  throw new RpError('rate_limited', message);
}

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
  // A new user's name must not look like an existing one's (src/shared/usernames.ts).
  if (!findUserByUsername(db, request.username) && usernameConflict(db, request.username)) throw new RpError('username_confusable');
  const code = generateTapCode(settings.length);
  const codeHash = await hashTapCode(code).catch((error: unknown) => {
    if (error instanceof Busy) throw new RpError('rate_limited', 'The lab is busy checking Temporary Access Passes. Try again in a few seconds.');
    throw error;
  });
  const createdAt = now();
  // Looked up again after the await: a registration may have created the user meanwhile.
  const existing = findUserByUsername(db, request.username);
  const { user, created } = db.transaction((): { user: UserRow; created: boolean } => {
    if (!existing && usernameConflict(db, request.username)) throw new RpError('username_confusable');
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
 * `client` is the caller's address (http/rate-limit.ts clientAddress).
 */
export async function redeemTap(deps: Deps, username: string, code: string, subject: LogSubject = {}, client: string = LOCAL_CLIENT): Promise<UserRow> {
  const { db, now } = deps;
  const at = now();
  const windows = windowsOf(deps);
  if (windows.perClient.isFull(client, at)) {
    return refuse('Too many wrong Temporary Access Pass attempts from your network address. Wait 15 minutes and try again.');
  }
  if (windows.overall.isFull(OVERALL, at)) {
    return refuse('Too many wrong Temporary Access Pass attempts on this lab right now. Wait 15 minutes and try again, or sign in with a passkey.');
  }
  if (countTapFailures(db, username, at - TAP_FAILURE_WINDOW_MS) >= TAP_MAX_FAILURES) {
    return refuse('Too many wrong Temporary Access Pass attempts for this username. Wait 15 minutes and try again.');
  }
  // Count the attempt as failed before the (asynchronous) scrypt checks, in the same synchronous
  // step as the counts above: otherwise parallel guesses would all pass the limits while they run.
  const attempt = recordTapFailure(db, username, at);
  windows.perClient.add(client, at);
  windows.overall.add(OVERALL, at);
  const forgetAttempt = () => {
    forgetTapFailure(db, attempt);
    windows.perClient.remove(client, at);
    windows.overall.remove(OVERALL, at);
  };
  let result: { user: UserRow | undefined; match: TapRow | undefined };
  try {
    result = await findMatchingPass(db, username, code, subject);
  } catch (error) {
    // Too busy to check: not a guess that was checked, so it does not count.
    forgetAttempt();
    if (error instanceof Busy) return refuse('The lab is busy checking other Temporary Access Passes. Try again in a few seconds.');
    throw error;
  }
  const { user, match } = result;
  if (!user || !match) throw new RpError('tap_invalid');
  // The right code: not a failed attempt, whatever the pass's status.
  forgetAttempt();
  // Read the pass again: during the scrypt checks a parallel attempt may have used it (or a new
  // pass replaced it). From here to markTapUsed nothing awaits, so no other attempt interleaves.
  const current = tapsOf(db, user.id).find((row) => row.id === match.id) ?? match;
  const status = tapStatus(current, at);
  if (status === 'expired') throw new RpError('tap_expired');
  if (status === 'used' || status === 'replaced') throw new RpError('tap_used');
  markTapUsed(db, match.id, at);
  forgetTapFailures(db, username);
  return user;
}

/** The user and the pass the code matches, if any; as slow for an unknown username as for a wrong code. */
async function findMatchingPass(db: Db, username: string, code: string, subject: LogSubject): Promise<{ user: UserRow | undefined; match: TapRow | undefined }> {
  const user = findUserByUsername(db, username);
  if (user) subject.userId = user.id;
  // The newest few are enough: older ones were replaced anyway (and each check costs an scrypt).
  const passes = user ? tapsOf(db, user.id).slice(0, 3) : [];
  for (const row of passes) {
    if (await tapCodeMatches(code, row.code_hash)) return { user, match: row };
  }
  // The timing does not tell which usernames exist.
  if (passes.length === 0) await tapCodeMatches(code, await unknownUserHash);
  return { user, match: undefined };
}
