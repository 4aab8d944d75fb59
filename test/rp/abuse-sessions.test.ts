/**
 * Sessions and challenges stay bounded: an anonymous options call costs a 10-minute session in
 * memory and no database row; memory trims itself and has a cap; expiry and retention in the
 * database are swept on a timer by indexed deletes; the session lookup and every sweep
 * statement use an index (EXPLAIN QUERY PLAN), never a table scan.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/rp/app';
import { startSweeper, sweep, SWEEP_SQL } from '../../src/rp/maintenance/sweep';
import { openDatabase } from '../../src/rp/store/database';
import { PendingStore } from '../../src/rp/store/pending';
import { ANONYMOUS_SESSION_TTL_MS, hashSessionId, SESSION_SQL, SESSION_TTL_MS } from '../../src/rp/store/sessions';
import { createAuthenticator } from '../soft-authenticator';
import { Client, count, createWorld, newUser, queryPlan, testConfig } from './helpers';

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

describe('query plans', () => {
  const db = openDatabase(':memory:');
  const statements = {
    'session lookup': SESSION_SQL.find,
    'session delete': SESSION_SQL.delete,
    ...Object.fromEntries(Object.entries(SWEEP_SQL).map(([name, sql]) => [`sweep: ${name}`, sql])),
  };

  it.each(Object.entries(statements))('%s uses an index, never a full scan', (_name, sql) => {
    const details = queryPlan(db, sql);
    expect(details.length).toBeGreaterThan(0);
    for (const detail of details) {
      expect(detail).not.toMatch(/^SCAN /);
    }
    expect(details.some((detail) => /USING (COVERING )?INDEX|USING (INTEGER )?PRIMARY KEY|SEARCH/.test(detail))).toBe(true);
  });
});

describe('anonymous sessions', () => {
  it('options start a 10-minute session in memory; each new options call extends it; signing in replaces it with a 12-hour one in the database', async () => {
    const world = createWorld();
    const client = world.client();
    const key = createAuthenticator();
    const start = world.clock.now;
    await client.registrationOptions({ username: 'alice' });
    const anonymous = () => world.pending.findAnonymous(hashSessionId(client.sessionId!), world.clock.now)?.expires_at;
    expect(anonymous()).toBe(start + ANONYMOUS_SESSION_TTL_MS);
    expect(count(world.db, 'sessions')).toBe(0);

    world.clock.advance(4 * MINUTE);
    const options = await client.registrationOptions({ username: 'alice' });
    expect(anonymous()).toBe(start + 4 * MINUTE + ANONYMOUS_SESSION_TTL_MS);
    // The anonymous cookie is a browser-session cookie (no Max-Age).
    expect(client.cookies.size).toBe(1);

    const verified = await client.verifyRegistration(await key.register(options));
    expect(verified.status, verified.text).toBe(200);
    expect(verified.setCookies[0]?.attributes['max-age']).toBe(String(SESSION_TTL_MS / 1000));
    expect(world.pending.size).toEqual({ anonymousSessions: 0, ceremonies: 0 });
    expect(world.db.prepare('SELECT expires_at, user_id FROM sessions').all()).toEqual([{ expires_at: world.clock.now + SESSION_TTL_MS, user_id: expect.any(String) }]);
  });

  it('many anonymous options calls from new browsers: no database row, and memory holds only the last 10 minutes', async () => {
    const world = createWorld();
    let peak = 0;
    // 360 anonymous options calls, one every 5 s (30 minutes), each from a new browser.
    for (let i = 0; i < 360; i += 1) {
      await world.client().authenticationOptions();
      world.clock.advance(5000);
      peak = Math.max(peak, world.pending.size.anonymousSessions, world.pending.size.ceremonies);
    }
    // Each write trims what expired: at most 10 minutes' worth at 12 per minute.
    expect(peak).toBeLessThanOrEqual(10 * 12 + 1);
    expect(count(world.db, 'sessions')).toBe(0);
    world.clock.advance(ANONYMOUS_SESSION_TTL_MS);
    world.pending.sweep(world.clock.now);
    expect(world.pending.size).toEqual({ anonymousSessions: 0, ceremonies: 0 });
  });

  it('a flood of new browsers is capped: the oldest sessions and their challenges go first', async () => {
    const world = createWorld();
    const pending = new PendingStore({ sessions: 3, ceremonies: 100 });
    const app = createApp({ config: world.config, db: world.db, now: () => world.clock.now, pending });
    const { key } = await newUser(world, 'alice');
    const first = new Client(app);
    const firstOptions = await first.authenticationOptions();
    for (let i = 0; i < 3; i += 1) await new Client(app).authenticationOptions();
    expect(pending.size).toEqual({ anonymousSessions: 3, ceremonies: 3 });
    // The first browser's session was pushed out: its answer finds no pending sign-in.
    const reply = await first.verifyAuthentication(await key.authenticate(firstOptions));
    expect((reply.json as { error: { code: string } }).error.code).toBe('challenge_missing');
  });

  it('a late verify within the session still hears challenge_expired', async () => {
    const world = createWorld();
    const { key } = await newUser(world, 'alice');
    const client = world.client();
    const options = await client.authenticationOptions();
    world.clock.advance(6 * MINUTE);
    sweep(world.db, world.clock.now, world.config);
    const reply = await client.verifyAuthentication(await key.authenticate(options));
    expect((reply.json as { error: { code: string } }).error.code).toBe('challenge_expired');
  });
});

describe('sweep', () => {
  it('deletes Temporary Access Pass failures after the 15-minute window and sign-in log entries beyond retention and cap', () => {
    const db = openDatabase(':memory:');
    const now = Date.UTC(2026, 5, 1);
    const failure = db.prepare('INSERT INTO tap_failures (username, at) VALUES (?, ?)');
    failure.run('ghost', now - 16 * MINUTE);
    failure.run('ghost', now - 14 * MINUTE);
    const log = db.prepare("INSERT INTO sign_in_log (at, ceremony, result, method, browser, os) VALUES (?, 'authentication', 'success', 'passkey', 'b', 'o')");
    log.run(new Date(now - 31 * DAY).toISOString());
    for (let i = 0; i < 6; i += 1) log.run(new Date(now - (5 - i) * MINUTE).toISOString());

    const result = sweep(db, now, { signInLogRetentionDays: 30, signInLogMaxEntries: 4 });
    expect(result).toMatchObject({ tapFailures: 1, signInLog: 3 });
    expect(count(db, 'tap_failures')).toBe(1);
    // The newest four are kept.
    expect(db.prepare('SELECT id FROM sign_in_log ORDER BY id').all()).toEqual([{ id: 4 }, { id: 5 }, { id: 6 }, { id: 7 }]);
  });

  it('deletes the registration campaign’s log by whole days beyond the log retention', () => {
    const db = openDatabase(':memory:');
    const now = Date.UTC(2026, 5, 1, 12);
    const event = db.prepare("INSERT INTO campaign_log (at, day, user_id, event) VALUES (?, ?, 'u', 'nudged')");
    for (const daysAgo of [40, 31, 30, 2]) {
      const at = new Date(now - daysAgo * DAY).toISOString();
      event.run(at, at.slice(0, 10));
    }
    expect(sweep(db, now, { signInLogRetentionDays: 30, signInLogMaxEntries: 10 }).campaignLog).toBe(2);
    expect(db.prepare('SELECT day FROM campaign_log ORDER BY day').pluck().all()).toEqual(['2026-05-02', '2026-05-30']);
  });

  it('defaults: 30 days and 100,000 entries', () => {
    const db = openDatabase(':memory:');
    const now = Date.UTC(2026, 5, 1);
    const log = db.prepare("INSERT INTO sign_in_log (at, ceremony, result, method, browser, os) VALUES (?, 'authentication', 'success', 'passkey', 'b', 'o')");
    log.run(new Date(now - 30 * DAY - 1).toISOString());
    log.run(new Date(now - 29 * DAY).toISOString());
    expect(sweep(db, now, testConfig()).signInLog).toBe(1);
  });
});

describe('the sweeper timer', () => {
  afterEach(() => vi.useRealTimers());

  it('sweeps at start and every interval, is unref’d, and stops', () => {
    vi.useFakeTimers();
    const db = openDatabase(':memory:');
    let now = Date.UTC(2026, 5, 1);
    const addExpired = () => db.prepare('INSERT INTO sessions (id_hash, expires_at) VALUES (?, ?)').run(String(Math.random()), now - 1);
    addExpired();
    const unref = vi.spyOn(globalThis, 'setInterval');
    const sweeper = startSweeper({ db, config: testConfig(), now: () => now }, MINUTE);
    expect(count(db, 'sessions')).toBe(0);
    expect((unref.mock.results[0]?.value as { hasRef(): boolean }).hasRef()).toBe(false);
    addExpired();
    now += MINUTE;
    vi.advanceTimersByTime(MINUTE);
    expect(count(db, 'sessions')).toBe(0);
    sweeper.stop();
    addExpired();
    vi.advanceTimersByTime(5 * MINUTE);
    expect(count(db, 'sessions')).toBe(1);
  });
});
