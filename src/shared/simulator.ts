/**
 * Simulated devices, the HTTP side (docs/api.md, "Simulated devices"): the request and answer
 * shapes of /api/simulator, and the words every page uses for a passkey whose attestation
 * chains to this lab's simulator root. Runs in the browser and in Node.
 */
import { z } from 'zod';
import { presetIds, presets } from '../../testkit/core/presets.js';
import type { PresetId } from '../../testkit/core/types.js';

const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be base64url');
const aaguid = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be an AAGUID (8-4-4-4-12 hexadecimal digits)');

/**
 * POST /api/simulator/attestation-certificate. `publicKey` is the device's own attestation key
 * (DER SubjectPublicKeyInfo, ECDSA P-256: 91 bytes, so 122 base64url characters). Only presets that
 * attest may ask, and only with their own AAGUID: the lab issues no certificate for a made-up device.
 */
export const attestationCertificateRequest = z
  .strictObject({
    publicKey: base64url.max(256, 'must be a P-256 public key (SubjectPublicKeyInfo, DER, base64url)'),
    aaguid,
    preset: z.enum(presetIds as [PresetId, ...PresetId[]], { error: `must be one of: ${presetIds.join(', ')}` }),
  })
  .superRefine((request, context) => {
    const preset = presets[request.preset];
    if (preset.attestation !== 'packed') {
      context.addIssue({ code: 'custom', path: ['preset'], message: `${preset.name} does not attest (its attestation is "none"), so it gets no certificate` });
    } else if (preset.aaguid !== request.aaguid) {
      context.addIssue({ code: 'custom', path: ['aaguid'], message: `must be ${preset.name}'s AAGUID ${preset.aaguid}` });
    }
  });
export type AttestationCertificateRequest = z.infer<typeof attestationCertificateRequest>;

export const attestationCertificateResponseSchema = z.object({
  /** The attestation certificate chain, leaf first, DER base64url. The root is the trust anchor and is not included. */
  x5c: z.array(base64url).min(1),
});
export type AttestationCertificateResponse = z.infer<typeof attestationCertificateResponseSchema>;

export const simulatorRootSchema = z.object({
  /** DER, base64url. */
  certificate: base64url,
  pem: z.string(),
  /** SHA-256 of the DER, upper-case hex pairs joined by ':' (as `openssl x509 -fingerprint -sha256` prints it). */
  fingerprintSha256: z.string(),
  createdAt: z.iso.datetime(),
});
export type SimulatorRoot = z.infer<typeof simulatorRootSchema>;

/** GET /api/simulator and POST /api/admin/simulator/rotate. */
export const simulatorStatusSchema = z.object({ enabled: z.literal(true), root: simulatorRootSchema });
export type SimulatorStatus = z.infer<typeof simulatorStatusSchema>;

// ---- labels (zod-free, so end-user pages import them from simulator-labels.ts) ----------------

export { simulatedAttestationLabel, simulatedDeviceLabel, vendorOfAaguid } from './simulator-labels.js';
