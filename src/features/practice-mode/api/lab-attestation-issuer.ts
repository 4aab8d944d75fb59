/**
 * The simulated devices' attestation issuer in practice mode: the lab's relying party signs the
 * certificate for the device's own attestation key (POST /api/simulator/attestation-certificate,
 * docs/api.md "Simulated devices"), so the simulator root's private key never reaches a browser.
 */
import { fromBase64url, toBase64url } from '../../../../testkit/core/bytes';
import type { AttestationIssuer } from '../../../../testkit/core/types';
import { apiClient } from '../../../lib/api-client';

interface CertificateAnswer {
  /** Leaf first, DER, base64url; the root is the trust anchor and is not sent. */
  x5c: string[];
}

export const labAttestationIssuer: AttestationIssuer = {
  async issue({ publicKeySpki, aaguid, preset }) {
    const answer = await apiClient.post<CertificateAnswer>('/api/simulator/attestation-certificate', {
      publicKey: toBase64url(publicKeySpki),
      aaguid,
      preset,
    });
    if (!Array.isArray(answer.x5c) || answer.x5c.length === 0) throw new Error('The lab sent no attestation certificate.');
    return answer.x5c.map((certificate) => fromBase64url(certificate));
  },
};
