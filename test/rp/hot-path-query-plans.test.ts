/**
 * The hot path never scans a table: every SQL statement that passkey registrations and
 * sign-ins run (collected from the prepared-statement cache, so a new query is checked without
 * being listed here) is asked for its plan with EXPLAIN QUERY PLAN, and none may be a SCAN.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/rp/store/database';
import { deleteSessionsSignedInBy, SESSION_SQL } from '../../src/rp/store/sessions';
import { preparedSql } from '../../src/rp/store/statements';
import { createAuthenticator } from '../soft-authenticator';
import { createWorld, queryPlan } from './helpers';

/** Scans that are not a cost that grows with the table, and why. */
const ALLOWED_SCANS: Record<string, string> = {
  'SELECT EXISTS (SELECT 1 FROM users) AS n': 'EXISTS stops at the first row',
};

describe('hot path query plans', () => {
  it('registrations and sign-ins (usernameless and named, each in a new browser) use keys and indexes only', async () => {
    const world = createWorld();
    await world.client().register(createAuthenticator(), 'first-admin');
    const passkey = createAuthenticator();
    await world.client().register(passkey, 'someone');
    await world.client().signIn(passkey);
    await world.client().signIn(passkey, 'someone');
    const signedIn = world.client();
    await signedIn.signIn(passkey);
    await signedIn.register(createAuthenticator(), 'someone');

    const statements = preparedSql(world.db);
    // The collection works: the tables a ceremony touches all show up.
    for (const table of ['sessions', 'users', 'credentials', 'sign_in_log', 'tenant_settings']) {
      expect(statements.some((sql) => new RegExp(`\\b${table}\\b`).test(sql)), `${table} in ${statements.join('\n')}`).toBe(true);
    }
    const scans = statements
      .filter((sql) => !(sql in ALLOWED_SCANS))
      .flatMap((sql) => queryPlan(world.db, sql).filter((detail) => /^SCAN (?!CONSTANT ROW)/.test(detail)).map((detail) => `${detail}  ←  ${sql}`));
    expect(scans).toEqual([]);
  });
});

describe('file database', () => {
  it('uses WAL with synchronous NORMAL: a commit does not wait for the disk', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passkey-lab-sync-'));
    const db = openDatabase(path.join(dir, 'lab.db'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(1);
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('admin removal of a lost passkey', () => {
  it('ends the sessions that passkey signed in through the owner’s index, not a scan of every session', () => {
    const db = openDatabase(':memory:');
    deleteSessionsSignedInBy(db, 'someone', 'credential');
    // The statement it ran (so a change to its SQL is checked, not a copy of it).
    expect(preparedSql(db)).toContain(SESSION_SQL.deleteSignedInBy);
    expect(queryPlan(db, SESSION_SQL.deleteSignedInBy).filter((detail) => /^SCAN /.test(detail))).toEqual([]);
  });
});
