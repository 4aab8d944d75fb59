import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { usernameKey, usernameSkeleton } from '../../shared/usernames.js';

export type Db = Database.Database;

/**
 * Versioned migrations: each entry runs once, in order, inside a transaction, and bumps
 * `PRAGMA user_version`. Append new entries; never edit a released one. An entry is SQL, or a
 * function when the step needs JavaScript (SQLite has no Unicode normalisation).
 */
const migrations: readonly (string | ((db: Db) => void))[] = [
  `
  CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name  TEXT NOT NULL,
    user_handle   TEXT NOT NULL UNIQUE,           -- WebAuthn user.id, base64url random bytes
    created_at    TEXT NOT NULL
  );
  CREATE TABLE credentials (
    id                  TEXT PRIMARY KEY,          -- base64url credential ID
    user_id             TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    public_key          BLOB NOT NULL,             -- COSE public key
    counter             INTEGER NOT NULL,
    transports          TEXT NOT NULL,             -- JSON array
    device_type         TEXT NOT NULL CHECK (device_type IN ('singleDevice', 'multiDevice')),
    backed_up           INTEGER NOT NULL,
    aaguid              TEXT NOT NULL,
    attestation_format  TEXT NOT NULL,
    nickname            TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    last_used_at        TEXT
  );
  CREATE INDEX credentials_user ON credentials(user_id);
  CREATE TABLE sessions (
    id_hash        TEXT PRIMARY KEY,               -- sha256 of the cookie value
    user_id        TEXT REFERENCES users(id) ON DELETE CASCADE,
    method         TEXT,
    user_verified  INTEGER NOT NULL DEFAULT 0,
    signed_in_at   TEXT,
    expires_at     INTEGER NOT NULL
  );
  CREATE TABLE challenges (
    session_id_hash  TEXT NOT NULL REFERENCES sessions(id_hash) ON DELETE CASCADE,
    ceremony         TEXT NOT NULL CHECK (ceremony IN ('registration', 'authentication')),
    challenge        TEXT NOT NULL,
    payload          TEXT NOT NULL,                -- JSON: what the options promised
    expires_at       INTEGER NOT NULL,
    PRIMARY KEY (session_id_hash, ceremony)
  );
  `,
  `
  CREATE TABLE handoffs (
    id                    TEXT PRIMARY KEY,        -- 128 random bits, base64url
    code                  TEXT NOT NULL UNIQUE,    -- short code for typing
    purpose               TEXT NOT NULL CHECK (purpose IN ('registration', 'sign-in')),
    username              TEXT,
    display_name          TEXT,
    creator_session_hash  TEXT NOT NULL,           -- only this session may claim it
    browser               TEXT NOT NULL,
    os                    TEXT NOT NULL,
    origin                TEXT NOT NULL,
    user_id               TEXT REFERENCES users(id) ON DELETE CASCADE,
    created_at            INTEGER NOT NULL,
    expires_at            INTEGER NOT NULL,
    approved_at           INTEGER,
    claimed_at            INTEGER
  );
  `,
  // The tenant: admins, groups, the passkey policy and conditional-access rule, Temporary
  // Access Passes, the registration campaign and the sign-in log.
  `
  ALTER TABLE users ADD COLUMN is_admin INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE users ADD COLUMN campaign_snoozes INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE credentials ADD COLUMN attested INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE sessions ADD COLUMN credential_id TEXT;      -- the passkey that signed this session in
  ALTER TABLE sessions ADD COLUMN campaign_snoozed INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE tenant_settings (
    key    TEXT PRIMARY KEY,                       -- 'fido2Policy' | 'conditionalAccess'
    value  TEXT NOT NULL                           -- JSON document
  );
  CREATE TABLE groups (
    id            TEXT PRIMARY KEY,                -- GUID, as an Entra group's object id
    display_name  TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created_at    TEXT NOT NULL
  );
  CREATE TABLE group_members (
    group_id  TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    user_id   TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
  );
  CREATE TABLE temporary_access_passes (
    id                   TEXT PRIMARY KEY,
    user_id              TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash            TEXT NOT NULL,            -- scrypt, salt:hash in hex; the code itself is never stored
    created_at           INTEGER NOT NULL,
    expires_at           INTEGER NOT NULL,
    lifetime_in_minutes  INTEGER NOT NULL,
    is_usable_once       INTEGER NOT NULL,
    used_at              INTEGER,
    replaced_at          INTEGER
  );
  CREATE INDEX temporary_access_passes_user ON temporary_access_passes(user_id);
  CREATE TABLE tap_failures (
    username  TEXT NOT NULL COLLATE NOCASE,
    at        INTEGER NOT NULL
  );
  CREATE INDEX tap_failures_username ON tap_failures(username, at);
  CREATE TABLE sign_in_log (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    at             TEXT NOT NULL,
    ceremony       TEXT NOT NULL CHECK (ceremony IN ('registration', 'authentication', 'temporaryAccessPass')),
    user_id        TEXT,                           -- kept when the user is deleted: it is a log
    username       TEXT,
    credential_id  TEXT,
    aaguid         TEXT,
    result         TEXT NOT NULL,                  -- 'success' or the error code
    method         TEXT NOT NULL,
    browser        TEXT NOT NULL,
    os             TEXT NOT NULL
  );
  `,
  // A lab created before the tenant existed: its first account becomes the admin, as it would have.
  `
  UPDATE users SET is_admin = 1
  WHERE id = (SELECT id FROM users ORDER BY created_at, rowid LIMIT 1)
    AND NOT EXISTS (SELECT 1 FROM users WHERE is_admin = 1);
  `,
  // Expiry and retention are swept by indexed range deletes, never by table scans; a user's
  // sessions are found without a scan when the user is deleted. (The challenges table had one
  // too, until it went: a step may run again after later ones, as the migration tests do.)
  `
  CREATE INDEX IF NOT EXISTS sessions_expires_at ON sessions(expires_at);
  CREATE INDEX IF NOT EXISTS sessions_user ON sessions(user_id);
  CREATE INDEX IF NOT EXISTS tap_failures_at ON tap_failures(at);
  CREATE INDEX IF NOT EXISTS sign_in_log_at ON sign_in_log(at);
  `,
  // Simulated devices: the lab's own simulator root (one row, replaced on rotation), the trust a
  // passkey's attestation earned at registration, and which passkeys and attempts were simulated.
  // Passkeys stored before this get the trust their `attested` flag and format imply.
  // (Each part is skipped when already there, so the step can run again safely.)
  (db) => {
    db.exec(`
    CREATE TABLE IF NOT EXISTS simulator_root (
      id                  INTEGER PRIMARY KEY CHECK (id = 1),
      certificate         BLOB NOT NULL,           -- DER
      private_key_jwk     TEXT NOT NULL,
      fingerprint_sha256  TEXT NOT NULL,
      created_at          TEXT NOT NULL
    );`);
    const hasColumn = (table: string, column: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some((c) => c.name === column);
    if (!hasColumn('credentials', 'attestation_trust')) {
      db.exec(`
      ALTER TABLE credentials ADD COLUMN attestation_trust TEXT NOT NULL DEFAULT 'not checked';
      UPDATE credentials SET attestation_trust = CASE WHEN attested = 1 THEN 'trusted' WHEN attestation_format = 'none' THEN 'not applicable' ELSE 'not checked' END;`);
    }
    if (!hasColumn('credentials', 'simulated')) db.exec('ALTER TABLE credentials ADD COLUMN simulated INTEGER NOT NULL DEFAULT 0');
    if (!hasColumn('sign_in_log', 'simulated')) db.exec('ALTER TABLE sign_in_log ADD COLUMN simulated INTEGER NOT NULL DEFAULT 0');
  },
  // A user's groups are read on every sign-in (policy targets): by index, not by scanning the
  // memberships (the primary key starts with group_id). test/rp/hot-path-query-plans.test.ts.
  `
  CREATE INDEX IF NOT EXISTS group_members_user ON group_members(user_id);
  `,
  // Secrets this lab makes for itself and never sends anywhere: `decoy_credentials` keys the
  // stable stand-in allowCredentials for usernames without passkeys (src/rp/webauthn/decoy-credentials.ts).
  (db) => {
    db.exec('CREATE TABLE IF NOT EXISTS lab_secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL)');
    db.prepare('INSERT OR IGNORE INTO lab_secrets (name, value) VALUES (?, ?)').run('decoy_credentials', randomBytes(32));
  },
  addUsernameKeys,
  // The rollout of late 2026 (docs/entra-2026.md): the lab's simulated SMS method per user, and
  // when the registration campaign was last snoozed (tenant clock, ms) for snoozeDurationInDays.
  (db) => {
    const columns = new Set((db.pragma('table_info(users)') as { name: string }[]).map((column) => column.name));
    if (!columns.has('sms_method')) db.exec('ALTER TABLE users ADD COLUMN sms_method INTEGER NOT NULL DEFAULT 0');
    if (!columns.has('campaign_snoozed_at')) db.exec('ALTER TABLE users ADD COLUMN campaign_snoozed_at INTEGER');
    // The campaign's log for the rollout dashboard: nudges (once per person a day) and "Not now"s.
    db.exec(`
    CREATE TABLE IF NOT EXISTS campaign_log (
      id       INTEGER PRIMARY KEY AUTOINCREMENT,
      at       TEXT NOT NULL,
      day      TEXT NOT NULL,                       -- substr(at, 1, 10)
      user_id  TEXT NOT NULL,
      event    TEXT NOT NULL CHECK (event IN ('nudged', 'snoozed'))
    );
    CREATE UNIQUE INDEX IF NOT EXISTS campaign_log_nudged_once_a_day ON campaign_log(user_id, day) WHERE event = 'nudged';
    CREATE INDEX IF NOT EXISTS campaign_log_day ON campaign_log(day);`);
  },
  // How the lab knows a passkey or an attempt was simulated: 'attestation' (chained to this lab's
  // simulator root) or 'claim' (practice mode said so, nothing attested it); NULL for a real
  // device. Earlier simulated rows were all attested. Can run again safely.
  (db) => {
    for (const table of ['credentials', 'sign_in_log']) {
      const columns = new Set((db.pragma(`table_info(${table})`) as { name: string }[]).map((column) => column.name));
      if (columns.has('simulated_by')) continue;
      db.exec(`ALTER TABLE ${table} ADD COLUMN simulated_by TEXT CHECK (simulated_by IN ('attestation', 'claim'));
      UPDATE ${table} SET simulated_by = 'attestation' WHERE simulated = 1;`);
    }
  },
  // Stale hand-offs are swept on the timer (src/rp/maintenance/sweep.ts) by an indexed range
  // delete; creating one used to scan the whole table first.
  `
  CREATE INDEX IF NOT EXISTS handoffs_expires_at ON handoffs(expires_at);
  `,
  // Anonymous sessions and pending challenges now live in memory (src/rp/store/pending.ts):
  // the table and the anonymous rows go (a ceremony in progress at the upgrade starts again).
  `
  DROP TABLE IF EXISTS challenges;
  DELETE FROM sessions WHERE user_id IS NULL;
  `,
];

/** The user_version just before the username keys were added (tests rewind to it; every later step can run again). */
export const BEFORE_USERNAME_KEYS = migrations.indexOf(addUsernameKeys);

/**
 * Usernames compared as people read them (src/shared/usernames.ts): a unique key (NFKC, case
 * folded) and the UTS #39 skeleton that finds look-alikes. Existing rows get theirs here; when
 * two older accounts share a key (registered before this check), the later one's key gets a
 * suffix no typed username can have (a space and its rowid): it keeps signing in with its
 * passkey (usernameless) and is listed for the admin, but a typed username names the first.
 * Can run again safely (the tests rewind user_version).
 */
function addUsernameKeys(db: Db): void {
  const columns = new Set((db.pragma('table_info(users)') as { name: string }[]).map((column) => column.name));
  if (!columns.has('username_key')) db.exec('ALTER TABLE users ADD COLUMN username_key TEXT');
  if (!columns.has('username_skeleton')) db.exec('ALTER TABLE users ADD COLUMN username_skeleton TEXT');
  const update = db.prepare('UPDATE users SET username_key = ?, username_skeleton = ? WHERE rowid = ?');
  const rows = db
    .prepare<[], { rowid: number; username: string; username_key: string | null }>('SELECT rowid, username, username_key FROM users ORDER BY created_at, rowid')
    .all();
  const seen = new Set(rows.flatMap((row) => (row.username_key === null ? [] : [row.username_key])));
  for (const row of rows.filter((candidate) => candidate.username_key === null)) {
    const key = usernameKey(row.username);
    update.run(seen.has(key) ? `${key} ${row.rowid}` : key, usernameSkeleton(row.username), row.rowid);
    seen.add(key);
  }
  db.exec(`
    CREATE UNIQUE INDEX IF NOT EXISTS users_username_key ON users(username_key);
    CREATE INDEX IF NOT EXISTS users_username_skeleton ON users(username_skeleton);
  `);
}

export function openDatabase(databasePath: string): Db {
  if (databasePath !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(databasePath)), { recursive: true });
  const db = new Database(databasePath);
  if (databasePath !== ':memory:') {
    db.pragma('journal_mode = WAL');
    // With WAL, NORMAL syncs at checkpoints instead of on every commit: still atomic and never
    // corrupt, and durable if the process dies; only a power loss can undo the last commits
    // (sqlite.org/pragma.html#pragma_synchronous). FULL made every write wait for the disk
    // (~6 ms measured here), blocking the event loop several times per ceremony.
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  migrations.slice(current).forEach((step, index) => {
    db.transaction(() => {
      if (typeof step === 'string') db.exec(step);
      else step(db);
      db.pragma(`user_version = ${current + index + 1}`);
    })();
  });
}
