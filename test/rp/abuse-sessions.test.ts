/**
 * Sessions and challenges stay bounded: an anonymous options call costs a 10-minute session,
 * not a 12-hour one; expiry and retention are swept on a timer by indexed deletes; the session
 * lookup and every sweep statement use an index (EXPLAIN QUERY PLAN), never a table scan.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSweeper, sweep, SWEEP_SQL } from '../../src/rp/maintenance/sweep';
import { openDatabase } from '../../src/rp/store/database';
import { ANONYMOUS_SESSION_TTL_MS, SESSION_SQL, SESSION_TTL_MS } from '../../src/rp/store/sessions';
import { createAuthenticator } from '../soft-authenticator';
import { count, createWorld, newUser, queryPlan, testConfig } from './helpers';

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

describe('query plans', () => {
  const db = openDatabase(':memory:');
  const statements = {
    'session lookup': SESSION_SQL.find,
    'anonymous session extension': SESSION_SQL.extendAnonymous,
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
  it('options create a 10-minute session; each new options call extends it; signing in replaces it with a 12-hour one', async () => {
    const world = createWorld();
    const client = world.client();
    const key = createAuthenticator();
    const start = world.clock.now;
    await client.registrationOptions({ username: 'alice' });
    const anonymous = () => world.db.prepare('SELECT expires_at, user_id FROM sessions').all() as { expires_at: number; user_id: string | null }[];
    expect(anonymous()).toEqual([{ expires_at: start + ANONYMOUS_SESSION_TTL_MS, user_id: null }]);

    world.clock.advance(4 * MINUTE);
    const options = await client.registrationOptions({ username: 'alice' });
    expect(anonymous()).toEqual([{ expires_at: start + 4 * MINUTE + ANONYMOUS_SESSION_TTL_MS, user_id: null }]);
    // The anonymous cookie is a browser-session cookie (no Max-Age).
    expect(client.cookies.size).toBe(1);

    const verified = await client.verifyRegistration(await key.register(options));
    expect(verified.status, verified.text).toBe(200);
    expect(verified.setCookies[0]?.attributes['max-age']).toBe(String(SESSION_TTL_MS / 1000));
    expect(anonymous()).toEqual([{ expires_at: world.clock.now + SESSION_TTL_MS, user_id: expect.any(String) }]);
  });

  it('many anonymous options calls from new browsers: sessions and challenges stay bounded under the timed sweep', async () => {
    const world = createWorld();
    let peak = 0;
    // 360 anonymous options calls, one every 5 s (30 minutes), each from a new browser; the
    // sweep runs every minute as the server's timer would.
    for (let i = 0; i < 360; i += 1) {
      await world.client().authenticationOptions();
      world.clock.advance(5000);
      if (i % 12 === 11) sweep(world.db, world.clock.now, world.config);
      peak = Math.max(peak, count(world.db, 'sessions'));
    }
    // At most 11 minutes' worth (10-minute lifetime + 1-minute sweep interval) at 12 per minute.
    expect(peak).toBeLessThanOrEqual(11 * 12 + 1);
    expect(count(world.db, 'challenges')).toBeLessThanOrEqual(11 * 12 + 1);
    world.clock.advance(ANONYMOUS_SESSION_TTL_MS);
    sweep(world.db, world.clock.now, world.config);
    expect(count(world.db, 'sessions')).toBe(0);
    expect(count(world.db, 'challenges')).toBe(0);
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
