import type { Db } from '../store/database.js';
import { statement } from '../store/statements.js';

/** The lab's simulator root: one row (id 1), replaced when an admin rotates it. */
export interface SimulatorRootRow {
  /** DER. */
  certificate: Buffer;
  /** The root's private key, JWK (JSON text). It never leaves the server. */
  private_key_jwk: string;
  fingerprint_sha256: string;
  created_at: string;
}

export function readSimulatorRoot(db: Db): SimulatorRootRow | undefined {
  return statement<[], SimulatorRootRow>(db, 'SELECT certificate, private_key_jwk, fingerprint_sha256, created_at FROM simulator_root WHERE id = 1').get();
}

/** Stores the first root; false when another request stored one meanwhile (that one stays). */
export function insertSimulatorRootIfAbsent(db: Db, row: SimulatorRootRow): boolean {
  return (
    statement(db, 'INSERT OR IGNORE INTO simulator_root (id, certificate, private_key_jwk, fingerprint_sha256, created_at) VALUES (1, @certificate, @private_key_jwk, @fingerprint_sha256, @created_at)').run(row)
      .changes === 1
  );
}

export function replaceSimulatorRoot(db: Db, row: SimulatorRootRow): void {
  statement(db, 'INSERT OR REPLACE INTO simulator_root (id, certificate, private_key_jwk, fingerprint_sha256, created_at) VALUES (1, @certificate, @private_key_jwk, @fingerprint_sha256, @created_at)').run(row);
}
