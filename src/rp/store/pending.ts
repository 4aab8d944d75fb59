/**
 * What the relying party keeps in memory only: anonymous sessions (a cookie that binds a pending
 * ceremony or a hand-off to one browser) and pending ceremonies (a challenge between its options
 * and its answer). Both live minutes, are written and read once or twice, and losing them (a
 * restart) costs a person one retry: so they cost no database write. A sign-in writes once, when
 * it succeeds. Signed-in sessions stay in SQLite (store/sessions.ts).
 *
 * Bounded by construction: each map keeps insertion order, every write re-inserts at the end, so
 * the oldest entries come first. Each write first drops expired entries from the front (no timer,
 * no scan: it costs the entries it removes), then the oldest beyond the cap. A flood of new
 * browsers therefore costs at most MAX_ANONYMOUS_SESSIONS sessions; under such a flood a real
 * person's pending sign-in can be pushed out and answers `challenge_missing` (start again).
 * Measured: about 3.2 KB of heap per anonymous session with a registration and a named sign-in
 * pending, so about 65 MB at the caps. (As JSON text it was 2.4 KB, not worth a stringify and
 * a parse per ceremony.)
 */
import { ANONYMOUS_SESSION_TTL_MS, type SessionRow } from './sessions.js';

export type Ceremony = 'registration' | 'authentication';

export interface PendingChallenge<P> {
  challenge: string;
  payload: P;
  expiresAt: number;
}

/** An expired challenge still answers `challenge_expired` (not `challenge_missing`) this long. */
export const EXPIRED_CHALLENGE_GRACE_MS = 10 * 60 * 1000;
export const MAX_ANONYMOUS_SESSIONS = 20_000;
/** Two ceremonies per session at most, signed-in sessions included: a cap of its own. */
export const MAX_PENDING_CEREMONIES = 40_000;


const ceremonyKey = (idHash: string, ceremony: Ceremony) => `${ceremony} ${idHash}`;

export class PendingStore {
  /** Anonymous session id hash → expires at (10 minutes after its last use). */
  readonly #sessions = new Map<string, number>();
  readonly #ceremonies = new Map<string, PendingChallenge<unknown>>();

  constructor(readonly limits = { sessions: MAX_ANONYMOUS_SESSIONS, ceremonies: MAX_PENDING_CEREMONIES }) {}

  /** The anonymous session with this id hash, as a session row, while it is live. */
  findAnonymous(idHash: string, now: number): SessionRow | undefined {
    const expiresAt = this.#sessions.get(idHash);
    return expiresAt !== undefined && expiresAt > now ? anonymousRow(idHash, expiresAt) : undefined;
  }

  /** Starts an anonymous session, or gives a live one another 10 minutes. */
  touchAnonymous(idHash: string, now: number): SessionRow {
    this.#trimSessions(now);
    const expiresAt = now + ANONYMOUS_SESSION_TTL_MS;
    this.#sessions.delete(idHash);
    this.#sessions.set(idHash, expiresAt);
    while (this.#sessions.size > this.limits.sessions) this.forget(this.#sessions.keys().next().value!);
    return anonymousRow(idHash, expiresAt);
  }

  /** Forgets a session's pending ceremonies, and the session itself when it is anonymous. */
  forget(idHash: string): void {
    this.#sessions.delete(idHash);
    this.#ceremonies.delete(ceremonyKey(idHash, 'registration'));
    this.#ceremonies.delete(ceremonyKey(idHash, 'authentication'));
  }

  /** Stores the session's pending challenge for a ceremony, replacing an earlier one. */
  saveChallenge<P>(idHash: string, ceremony: Ceremony, pending: PendingChallenge<P>, now: number): void {
    this.#trimCeremonies(now);
    const key = ceremonyKey(idHash, ceremony);
    this.#ceremonies.delete(key);
    this.#ceremonies.set(key, pending);
    while (this.#ceremonies.size > this.limits.ceremonies) this.#ceremonies.delete(this.#ceremonies.keys().next().value!);
  }

  /** Reads and forgets the pending challenge: a challenge can be answered once, right or wrong. */
  takeChallenge<P>(idHash: string, ceremony: Ceremony): PendingChallenge<P> | undefined {
    const key = ceremonyKey(idHash, ceremony);
    const pending = this.#ceremonies.get(key) as PendingChallenge<P> | undefined;
    this.#ceremonies.delete(key);
    return pending;
  }

  /** How much is held (the tests' and the benchmark's view). */
  get size(): { anonymousSessions: number; ceremonies: number } {
    return { anonymousSessions: this.#sessions.size, ceremonies: this.#ceremonies.size };
  }

  /** Drops what has expired (ceremonies after their grace); what a write does on its own. */
  sweep(now: number): void {
    this.#trimSessions(now);
    this.#trimCeremonies(now);
  }

  #trimSessions(now: number): void {
    for (const [idHash, expiresAt] of this.#sessions) {
      if (expiresAt > now) break;
      this.forget(idHash);
    }
  }

  #trimCeremonies(now: number): void {
    for (const [key, { expiresAt }] of this.#ceremonies) {
      if (expiresAt + EXPIRED_CHALLENGE_GRACE_MS > now) break;
      this.#ceremonies.delete(key);
    }
  }
}

function anonymousRow(idHash: string, expiresAt: number): SessionRow {
  return { id_hash: idHash, user_id: null, method: null, user_verified: 0, signed_in_at: null, expires_at: expiresAt, credential_id: null, campaign_snoozed: 0 };
}
