/**
 * Sign-in options must not tell which usernames exist (docs/api.md). A username with no
 * passkey here — unknown, or an account that has none yet — therefore gets `allowCredentials`
 * shaped like a real account's: one to three credential ids, with the lengths and transports
 * real passkey providers produce. They are derived from an HMAC-SHA-256 of the username under
 * a secret kept in this lab's database, so the same name gets the same answer on every call
 * (as a real account's would), and without the secret nobody can tell them from real ones.
 * No passkey has these ids: whatever the browser offers is refused at verify
 * (credential_not_found, or credential_not_allowed for another account's passkey).
 */
import { createHmac } from 'node:crypto';
import type { Transport } from '../../shared/schemas.js';
import type { Db } from '../store/database.js';

export interface DecoyCredential {
  id: string;
  transports: Transport[];
}

/**
 * What real passkeys look like in `allowCredentials`, with a weight each (out of 100): synced
 * platform passkeys (16- and 20-byte ids, offered over hybrid too), device-bound platform
 * passkeys and virtual authenticators (32 bytes), security keys (64 bytes, USB and NFC).
 */
const SHAPES: readonly { weight: number; bytes: number; transports: Transport[] }[] = [
  { weight: 30, bytes: 16, transports: ['hybrid', 'internal'] },
  { weight: 20, bytes: 20, transports: ['hybrid', 'internal'] },
  { weight: 40, bytes: 32, transports: ['internal'] },
  { weight: 10, bytes: 64, transports: ['nfc', 'usb'] },
];
/** How many passkeys an account has: mostly one. */
const COUNTS: readonly { weight: number; count: number }[] = [
  { weight: 70, count: 1 },
  { weight: 25, count: 2 },
  { weight: 5, count: 3 },
];

/**
 * The same equivalence as the account lookup (usernames are unique without regard to ASCII
 * case, SQLite's NOCASE): names the lookup treats as one get one answer.
 */
const canonical = (username: string) => username.trim().replace(/[A-Z]/g, (letter) => letter.toLowerCase());

/** The entry of `table` at `point` (0–99) when each entry takes `weight` points in order. */
function pick<T extends { weight: number }>(table: readonly T[], point: number): T {
  for (const entry of table) {
    if (point < entry.weight) return entry;
    point -= entry.weight;
  }
  return table[table.length - 1]!;
}

/** The decoy allowCredentials for `username` under `secret` (pure). */
export function decoyCredentials(secret: Uint8Array, username: string): DecoyCredential[] {
  const name = canonical(username);
  const mac = (label: string) => createHmac('sha256', secret).update(`${label}\u0000${name}`).digest();
  const plan = mac('plan');
  // A point out of 100 from two bytes: 65,536 % 100 = 36, so the weights are off by < 0.1%
  // (one byte % 100 gave points 0-55 three chances in 256 and 56-99 two).
  const point = (index: number) => plan.readUInt16BE(2 * index) % 100;
  const { count } = pick(COUNTS, point(0));
  return Array.from({ length: count }, (_, index) => {
    const shape = pick(SHAPES, point(1 + index));
    const bytes = Buffer.concat([mac(`id ${index} a`), mac(`id ${index} b`)]).subarray(0, shape.bytes);
    return { id: bytes.toString('base64url'), transports: [...shape.transports] };
  });
}

const SECRET_NAME = 'decoy_credentials';
const secrets = new WeakMap<Db, Buffer>();

/** This lab's secret for decoys (made once, by the database migration), cached per database. */
export function decoySecret(db: Db): Buffer {
  let secret = secrets.get(db);
  if (!secret) {
    const row = db.prepare<[string], { value: Buffer }>('SELECT value FROM lab_secrets WHERE name = ?').get(SECRET_NAME);
    if (!row) throw new Error('lab_secrets has no decoy_credentials secret: the database was not migrated.');
    secret = row.value;
    secrets.set(db, secret);
  }
  return secret;
}
