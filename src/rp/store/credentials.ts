import type { AttestationTrust, Credential, Transport } from '../../shared/schemas.js';
import { transports as knownTransports } from '../../shared/schemas.js';
import type { SimulatedBy } from '../../shared/simulator-labels.js';
import { type AuthenticatorDirectory, providerIcon } from '../metadata/directory.js';
import type { Db } from './database.js';
import { statement } from './statements.js';

export interface CredentialRow {
  id: string;
  user_id: string;
  public_key: Buffer;
  counter: number;
  transports: string;
  device_type: 'singleDevice' | 'multiDevice';
  backed_up: number;
  aaguid: string;
  attestation_format: string;
  nickname: string;
  created_at: string;
  last_used_at: string | null;
  /** 1 when a verified attestation statement chained to a known root vouched for the AAGUID. */
  attested: number;
  /** The attestation's trust at registration (AttestationTrust): `simulated` for this lab's simulator root. */
  attestation_trust: AttestationTrust;
  /** 1 for a simulated device: attested by this lab's simulator root, or claimed by practice mode. */
  simulated: number;
  /** How the lab knows it is simulated (NULL for a real device; rows without it read as 'attestation'). */
  simulated_by?: SimulatedBy | null;
}

/** The transports this contract names, from any list (unknown ones are dropped); [] for anything else. */
export function knownTransportsOf(list: unknown): Transport[] {
  return Array.isArray(list) ? list.filter((t): t is Transport => (knownTransports as readonly unknown[]).includes(t)) : [];
}

export function parseTransports(json: string): Transport[] {
  return knownTransportsOf(JSON.parse(json));
}

export function toCredential(row: CredentialRow, directory: AuthenticatorDirectory): Credential {
  const provider = directory.lookup(row.aaguid);
  return {
    id: row.id,
    nickname: row.nickname,
    aaguid: row.aaguid,
    providerName: provider.name,
    providerIcon: providerIcon(provider),
    deviceType: row.device_type,
    backedUp: row.backed_up === 1,
    transports: parseTransports(row.transports),
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    signCount: row.counter,
    attested: row.attested === 1,
    attestationTrust: row.attestation_trust,
    simulated: row.simulated === 1,
    ...(row.simulated === 1 ? { simulatedBy: row.simulated_by ?? 'attestation' } : {}),
  };
}

export function findCredential(db: Db, id: string): CredentialRow | undefined {
  return statement<[string], CredentialRow>(db, 'SELECT * FROM credentials WHERE id = ?').get(id);
}

export function listCredentials(db: Db, userId: string): CredentialRow[] {
  return statement<[string], CredentialRow>(db, 'SELECT * FROM credentials WHERE user_id = ? ORDER BY created_at, rowid').all(userId);
}

/** Every passkey of the tenant with its owner's username (for the inventory and impact previews). */
export function listAllCredentials(db: Db): (CredentialRow & { username: string })[] {
  return statement<[], CredentialRow & { username: string }>(db, 'SELECT credentials.*, users.username FROM credentials JOIN users ON users.id = credentials.user_id ORDER BY credentials.created_at')
    .all();
}

export function insertCredential(db: Db, row: CredentialRow): void {
  statement(db,
    `INSERT INTO credentials (id, user_id, public_key, counter, transports, device_type, backed_up, aaguid, attestation_format, nickname, created_at, last_used_at, attested, attestation_trust, simulated, simulated_by)
     VALUES (@id, @user_id, @public_key, @counter, @transports, @device_type, @backed_up, @aaguid, @attestation_format, @nickname, @created_at, @last_used_at, @attested, @attestation_trust, @simulated, @simulated_by)`,
  ).run({ ...row, simulated_by: row.simulated_by ?? (row.simulated === 1 ? 'attestation' : null) });
}

/**
 * Stores a sign-in's counter, backup state and time, only while WebAuthn §7.2's counter rule
 * still holds against the row as it is now (a parallel sign-in may have raised the counter
 * since it was read): false when it no longer does, or the passkey is gone.
 */
export function recordCredentialUse(db: Db, id: string, use: { counter: number; backedUp: boolean; usedAt: string }): boolean {
  return (
    statement(db, 'UPDATE credentials SET counter = ?, backed_up = ?, last_used_at = ? WHERE id = ? AND (counter < ? OR (counter = 0 AND ? = 0))').run(
      use.counter, use.backedUp ? 1 : 0, use.usedAt, id, use.counter, use.counter,
    ).changes === 1
  );
}

export function renameCredential(db: Db, id: string, userId: string, nickname: string): boolean {
  return statement(db, 'UPDATE credentials SET nickname = ? WHERE id = ? AND user_id = ?').run(nickname, id, userId).changes === 1;
}

export function deleteCredential(db: Db, id: string, userId: string): boolean {
  return statement(db, 'DELETE FROM credentials WHERE id = ? AND user_id = ?').run(id, userId).changes === 1;
}
