import { type Context, Hono, type Next } from 'hono';
import { attestationCertificateRequest, type AttestationCertificateResponse, type SimulatorStatus } from '../../shared/simulator.js';
import type { Env } from '../http/env.js';
import { RpError } from '../http/rp-error.js';
import { requireAdmin } from '../http/session-cookie.js';
import { validJson } from '../http/validate.js';
import { currentSimulatorCa, ensureSimulatorRoot, rotateSimulatorRoot, simulatorEnabled, toSimulatorRoot } from '../simulator/ca.js';

/** With SIMULATED_DEVICES off the simulator is not there: 404 not_found. */
async function whileEnabled(c: Context<Env>, next: Next) {
  if (!simulatorEnabled(c.get('deps').config)) throw new RpError('not_found', 'Simulated devices are turned off on this lab (SIMULATED_DEVICES).');
  await next();
}

/**
 * /api/simulator (docs/api.md, "Simulated devices"): the lab's simulator root, and attestation
 * certificates for simulated devices' own attestation keys (the CA key stays on the server).
 * No session needed: practice mode works before anyone has an account. Nothing is stored.
 */
export const simulatorRoutes = new Hono<Env>()
  .use(whileEnabled)
  .get('/', async (c) => {
    const root = await ensureSimulatorRoot(c.get('deps'));
    return c.json({ enabled: true, root: toSimulatorRoot(root) } satisfies SimulatorStatus);
  })
  .post('/attestation-certificate', validJson(attestationCertificateRequest), async (c) => {
    const { publicKey, aaguid, preset } = c.req.valid('json');
    const ca = await currentSimulatorCa(c.get('deps'));
    let leaf: Uint8Array;
    try {
      leaf = await ca.issueAttestationCertificate({ publicKeySpki: Buffer.from(publicKey, 'base64url'), aaguid, preset });
    } catch {
      throw new RpError('invalid_request', 'publicKey: must be an ECDSA P-256 public key (SubjectPublicKeyInfo, DER, base64url)', 'publicKey');
    }
    return c.json({ x5c: [Buffer.from(leaf).toString('base64url')] } satisfies AttestationCertificateResponse);
  });

/** /api/admin/simulator: tenant admins replace the simulator root. */
export const simulatorAdminRoutes = new Hono<Env>().post(
  '/rotate',
  (c, next) => {
    requireAdmin(c);
    return whileEnabled(c, next);
  },
  async (c) => {
    const root = await rotateSimulatorRoot(c.get('deps'));
    return c.json({ enabled: true, root: toSimulatorRoot(root) } satisfies SimulatorStatus);
  },
);
