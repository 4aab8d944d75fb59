/**
 * Housekeeping on a timer: expired signed-in sessions, Temporary Access Pass failures once the
 * rate limit's window has passed (they count for nothing after it), hand-offs an hour after they
 * expired, and the sign-in log and the registration campaign's log beyond the log retention (the
 * dashboard shows the last 30 days of both). Anonymous sessions and pending challenges are in
 * memory and trim themselves (store/pending.ts). Every delete is a range on an index, so a sweep costs the rows it removes,
 * not the size of the table; requests never sweep.
 */
import { DEFAULT_SIGN_IN_LOG_MAX_ENTRIES, DEFAULT_SIGN_IN_LOG_RETENTION_DAYS, type RpConfig } from '../config.js';
import type { Db } from '../store/database.js';
import { HANDOFF_RETENTION_MS } from '../store/handoffs.js';
import { SESSION_SQL } from '../store/sessions.js';
import { TAP_FAILURE_WINDOW_MS } from '../tenant/temporary-access-pass.js';

const DAY_MS = 24 * 60 * 60 * 1000;
export const SWEEP_INTERVAL_MS = 60 * 1000;

/** The sweep's statements (test/rp/abuse-sessions.test.ts checks that each uses an index). */
export const SWEEP_SQL = {
  sessions: SESSION_SQL.deleteExpired,
  tapFailures: 'DELETE FROM tap_failures WHERE at <= ?',
  handoffs: 'DELETE FROM handoffs WHERE expires_at < ?',
  signInLogByAge: 'DELETE FROM sign_in_log WHERE at < ?',
  // Ids only grow (AUTOINCREMENT): the newest N entries are the ids above MAX(id) - N.
  signInLogOverCap: 'DELETE FROM sign_in_log WHERE id <= (SELECT MAX(id) FROM sign_in_log) - ?',
  campaignLog: 'DELETE FROM campaign_log WHERE day < ?',
} as const;

export interface SweepResult {
  sessions: number;
  tapFailures: number;
  handoffs: number;
  signInLog: number;
  campaignLog: number;
}

export function sweep(db: Db, now: number, config: Pick<RpConfig, 'signInLogRetentionDays' | 'signInLogMaxEntries'>): SweepResult {
  const retentionDays = config.signInLogRetentionDays ?? DEFAULT_SIGN_IN_LOG_RETENTION_DAYS;
  const maxEntries = config.signInLogMaxEntries ?? DEFAULT_SIGN_IN_LOG_MAX_ENTRIES;
  const retentionStart = new Date(now - retentionDays * DAY_MS).toISOString();
  return db.transaction(
    (): SweepResult => ({
      sessions: db.prepare(SWEEP_SQL.sessions).run(now).changes,
      tapFailures: db.prepare(SWEEP_SQL.tapFailures).run(now - TAP_FAILURE_WINDOW_MS).changes,
      handoffs: db.prepare(SWEEP_SQL.handoffs).run(now - HANDOFF_RETENTION_MS).changes,
      signInLog:
        db.prepare(SWEEP_SQL.signInLogByAge).run(retentionStart).changes +
        db.prepare(SWEEP_SQL.signInLogOverCap).run(maxEntries).changes,
      // Whole days (campaign_log.day is YYYY-MM-DD): the day the retention starts in is kept.
      campaignLog: db.prepare(SWEEP_SQL.campaignLog).run(retentionStart.slice(0, 10)).changes,
    }),
  )();
}

export interface Sweeper {
  /** Runs one sweep now (also what the timer does). */
  sweepNow(): SweepResult;
  stop(): void;
}

/**
 * Sweeps at once and then every `intervalMs` (default a minute). The timer is unref'd: it never
 * keeps the process alive. A failing sweep is logged and retried at the next tick.
 */
export function startSweeper({ db, config, now = Date.now }: { db: Db; config: RpConfig; now?: () => number }, intervalMs = SWEEP_INTERVAL_MS): Sweeper {
  const sweepNow = () => sweep(db, now(), config);
  const tick = () => {
    try {
      sweepNow();
    } catch (error) {
      console.error('[relying party] sweep failed', error);
    }
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return { sweepNow, stop: () => clearInterval(timer) };
}
