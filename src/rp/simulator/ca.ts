/**
 * The lab's simulator CA, kept in the database: created on first use (or at start-up), never
 * committed, rotatable by an admin. Issued attestation certificates are not stored, so the
 * issuing endpoint cannot make any table grow.
 */
import { createSimulatorCa, fromBase64url, restoreSimulatorCa, type SimulatorCa, toBase64url } from '../../../testkit/core/simulator-ca.js';
import type { SimulatorRoot } from '../../shared/simulator.js';
import type { RpConfig } from '../config.js';
import type { Deps } from '../http/env.js';
import type { Db } from '../store/database.js';
import type { AttestationTrustAnchor } from '../webauthn/attestation-trust.js';
import { insertSimulatorRootIfAbsent, readSimulatorRoot, replaceSimulatorRoot, type SimulatorRootRow } from './store.js';

/** SIMULATED_DEVICES: on unless turned off. */
export const simulatorEnabled = (config: RpConfig): boolean => config.simulatedDevices !== false;

/** The CA reloaded from its row, per database, for as long as the row's root stays the same. */
const loaded = new WeakMap<Db, { fingerprint: string; ca: Promise<SimulatorCa> }>();
/** A root being created, so that concurrent first requests create one, not several. */
const creating = new WeakMap<Db, Promise<unknown>>();

async function newRootRow(now: number): Promise<{ row: SimulatorRootRow; ca: SimulatorCa }> {
  // Certificates are dated by the real clock: verifiers judge their validity by it.
  const ca = await createSimulatorCa();
  const exported = await ca.export();
  const row: SimulatorRootRow = {
    certificate: Buffer.from(fromBase64url(exported.rootCertificate)),
    private_key_jwk: JSON.stringify(exported.rootPrivateKeyJwk),
    fingerprint_sha256: await ca.rootFingerprintSha256(),
    created_at: new Date(now).toISOString(),
  };
  return { row, ca };
}

/** The current root, created (and stored) when the lab has none yet. */
export async function ensureSimulatorRoot({ db, now }: Pick<Deps, 'db' | 'now'>): Promise<SimulatorRootRow> {
  const existing = readSimulatorRoot(db);
  if (existing) return existing;
  let pending = creating.get(db);
  if (!pending) {
    pending = newRootRow(now())
      .then(({ row, ca }) => {
        if (insertSimulatorRootIfAbsent(db, row)) loaded.set(db, { fingerprint: row.fingerprint_sha256, ca: Promise.resolve(ca) });
      })
      .finally(() => creating.delete(db));
    creating.set(db, pending);
  }
  await pending;
  const row = readSimulatorRoot(db);
  if (!row) throw new Error('the simulator root could not be stored');
  return row;
}

/** The CA that issues attestation certificates under the current root. */
export async function currentSimulatorCa(deps: Pick<Deps, 'db' | 'now'>): Promise<SimulatorCa> {
  const row = await ensureSimulatorRoot(deps);
  const cached = loaded.get(deps.db);
  if (cached?.fingerprint === row.fingerprint_sha256) return cached.ca;
  const ca = restoreSimulatorCa({ rootCertificate: toBase64url(row.certificate), rootPrivateKeyJwk: JSON.parse(row.private_key_jwk) as JsonWebKey });
  loaded.set(deps.db, { fingerprint: row.fingerprint_sha256, ca });
  ca.catch(() => loaded.delete(deps.db)); // a row that does not load is not kept as the answer
  return ca;
}

/**
 * A new root replaces the old one. Certificates under the old root stop chaining to a lab anchor;
 * passkeys registered with them keep the trust stored at their registration.
 */
export async function rotateSimulatorRoot({ db, now }: Pick<Deps, 'db' | 'now'>): Promise<SimulatorRootRow> {
  const { row, ca } = await newRootRow(now());
  replaceSimulatorRoot(db, row);
  loaded.set(db, { fingerprint: row.fingerprint_sha256, ca: Promise.resolve(ca) });
  return row;
}

/**
 * The simulator root as an attestation trust anchor: known whether or not simulated devices are
 * on, so a simulated attestation is recognised (and refused as untrusted) when they are off.
 */
export function simulatorTrustAnchor({ db, config }: Pick<Deps, 'db' | 'config'>): AttestationTrustAnchor | undefined {
  const row = readSimulatorRoot(db);
  return row ? { certificate: new Uint8Array(row.certificate), enabled: simulatorEnabled(config) } : undefined;
}

export function toSimulatorRoot(row: SimulatorRootRow): SimulatorRoot {
  const base64 = row.certificate.toString('base64');
  return {
    certificate: row.certificate.toString('base64url'),
    pem: `-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----\n`,
    fingerprintSha256: row.fingerprint_sha256,
    createdAt: row.created_at,
  };
}
