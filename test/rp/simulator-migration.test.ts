/**
 * The simulated-devices migration on a lab that already has passkeys and a sign-in log: the root
 * table appears, each passkey gets the trust its `attested` flag and format imply, nothing is
 * marked simulated, and running the step again changes nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/rp/store/database';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('simulated devices migration', () => {
  it('backfills attestation_trust from attested and the format, adds the simulated flags and the root table', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'passkey-lab-'));
    dirs.push(root);
    const file = path.join(root, 'lab.db');
    const old = openDatabase(file);
    // As before the migration: none of its columns or tables.
    old.exec(`
      DROP TABLE simulator_root;
      ALTER TABLE credentials DROP COLUMN attestation_trust;
      ALTER TABLE credentials DROP COLUMN simulated;
      ALTER TABLE sign_in_log DROP COLUMN simulated;
    `);
    old.prepare("INSERT INTO users (id, username, display_name, user_handle, created_at) VALUES ('u1', 'alice', 'Alice', 'aA', '2026-01-01T00:00:00.000Z')").run();
    const insert = old.prepare(
      `INSERT INTO credentials (id, user_id, public_key, counter, transports, device_type, backed_up, aaguid, attestation_format, nickname, created_at, attested)
       VALUES (?, 'u1', x'00', 0, '[]', 'singleDevice', 0, '00000000-0000-0000-0000-000000000000', ?, 'k', '2026-01-01T00:00:00.000Z', ?)`,
    );
    insert.run('attested', 'packed', 1);
    insert.run('none', 'none', 0);
    insert.run('packed-unchecked', 'packed', 0);
    old.prepare("INSERT INTO sign_in_log (at, ceremony, result, method, browser, os) VALUES ('2026-01-01T00:00:00.000Z', 'registration', 'success', 'passkey', 'b', 'o')").run();
    // Every step from the fourth on runs again (as the tenant upgrade test does).
    old.pragma('user_version = 3');
    old.close();

    const upgraded = openDatabase(file);
    expect(upgraded.prepare('SELECT id, attestation_trust, simulated FROM credentials ORDER BY id').all()).toEqual([
      { id: 'attested', attestation_trust: 'trusted', simulated: 0 },
      { id: 'none', attestation_trust: 'not applicable', simulated: 0 },
      { id: 'packed-unchecked', attestation_trust: 'not checked', simulated: 0 },
    ]);
    expect(upgraded.prepare('SELECT simulated FROM sign_in_log').all()).toEqual([{ simulated: 0 }]);
    expect(upgraded.prepare('SELECT COUNT(*) AS n FROM simulator_root').get()).toEqual({ n: 0 });

    // Again, with a stored trust that differs from the backfill: kept, nothing fails.
    upgraded.prepare("UPDATE credentials SET attestation_trust = 'simulated', simulated = 1 WHERE id = 'attested'").run();
    upgraded.pragma('user_version = 3');
    upgraded.close();
    const again = openDatabase(file);
    expect(again.prepare("SELECT attestation_trust, simulated FROM credentials WHERE id = 'attested'").get()).toEqual({ attestation_trust: 'simulated', simulated: 1 });
    again.close();
  });
});
