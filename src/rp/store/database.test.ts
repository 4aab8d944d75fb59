import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BEFORE_USERNAME_KEYS, openDatabase } from './database.js';
import { findUserByUsername } from './users.js';

describe('openDatabase', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('creates the missing data directory and applies the migrations once', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'passkey-lab-'));
    dirs.push(root);
    const file = path.join(root, 'nested', 'data', 'lab.db');
    const first = openDatabase(file);
    const version = first.pragma('user_version', { simple: true });
    first.prepare("INSERT INTO users (id, username, display_name, user_handle, created_at) VALUES ('u1', 'alice', 'Alice', 'aGFuZGxl', '2026-01-01T00:00:00.000Z')").run();
    first.close();

    const again = openDatabase(file);
    expect(again.pragma('user_version', { simple: true })).toBe(version);
    expect(again.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 1 });
    again.close();
  });

  it('a lab whose accounts predate the tenant gets its first account as admin when it is upgraded', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'passkey-lab-'));
    dirs.push(root);
    const file = path.join(root, 'lab.db');
    const old = openDatabase(file);
    const insert = old.prepare('INSERT INTO users (id, username, display_name, user_handle, created_at) VALUES (?, ?, ?, ?, ?)');
    insert.run('u2', 'bob', 'Bob', 'aGFuZGxlMg', '2026-02-01T00:00:00.000Z');
    insert.run('u1', 'alice', 'Alice', 'aGFuZGxl', '2026-01-01T00:00:00.000Z');
    // As after migration 3 ran on a database that already had users: nobody is admin.
    old.pragma('user_version = 3');
    old.close();

    const upgraded = openDatabase(file);
    expect(upgraded.prepare('SELECT username, is_admin FROM users ORDER BY username').all()).toEqual([
      { username: 'alice', is_admin: 1 },
      { username: 'bob', is_admin: 0 },
    ]);
    // An admin already there is kept, and nobody else is promoted.
    upgraded.prepare("UPDATE users SET is_admin = CASE id WHEN 'u2' THEN 1 ELSE 0 END").run();
    upgraded.pragma('user_version = 3');
    upgraded.close();
    const again = openDatabase(file);
    expect(again.prepare('SELECT username FROM users WHERE is_admin = 1').all()).toEqual([{ username: 'bob' }]);
    again.close();
  });

  it('upgrading gives existing users their username key and skeleton; a later account sharing a key stays apart', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'passkey-lab-'));
    dirs.push(root);
    const file = path.join(root, 'lab.db');
    const old = openDatabase(file);
    // As before the username migration (the steps after it can run again): no key columns, and two accounts that
    // differ only in case beyond ASCII.
    old.exec('DROP INDEX users_username_key; DROP INDEX users_username_skeleton; ALTER TABLE users DROP COLUMN username_key; ALTER TABLE users DROP COLUMN username_skeleton');
    const insert = old.prepare('INSERT INTO users (id, username, display_name, user_handle, created_at) VALUES (?, ?, ?, ?, ?)');
    insert.run('u1', 'Ärger', 'Ä', 'aDE', '2026-01-01T00:00:00.000Z');
    insert.run('u2', 'äRGER', 'ä', 'aDI', '2026-02-01T00:00:00.000Z');
    insert.run('u3', 'ｈｇ＿ａｄｍｉｎ', 'h', 'aDM', '2026-03-01T00:00:00.000Z');
    old.pragma(`user_version = ${BEFORE_USERNAME_KEYS}`);
    old.close();

    const upgraded = openDatabase(file);
    expect(upgraded.prepare('SELECT id, username_key, username_skeleton FROM users ORDER BY id').all()).toEqual([
      { id: 'u1', username_key: 'ärger', username_skeleton: 'a\u0308rger' },
      { id: 'u2', username_key: 'ärger 2', username_skeleton: 'a\u0308rger' },
      { id: 'u3', username_key: 'hg_admin', username_skeleton: 'hg_adrnin' },
    ]);
    expect(findUserByUsername(upgraded, 'ÄRGER')?.id).toBe('u1');
    upgraded.close();
  });

  it('keeps :memory: databases off the disk and enforces foreign keys', () => {
    const db = openDatabase(':memory:');
    expect(() =>
      db.prepare("INSERT INTO credentials (id, user_id, public_key, counter, transports, device_type, backed_up, aaguid, attestation_format, nickname, created_at) VALUES ('c', 'nobody', x'00', 0, '[]', 'singleDevice', 0, '', 'none', 'n', '')").run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
