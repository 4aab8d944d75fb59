import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { cose, decodeClientDataJSON, decodeCredentialPublicKey } from '@simplewebauthn/server/helpers';

/** The response parts for the ceremony report (placeholder until the inspector decoders land). */
export function describeRegistrationResponse(response: RegistrationResponseJSON): Record<string, unknown> {
  return { clientData: decodeClientDataJSON(response.response.clientDataJSON), extensions: response.clientExtensionResults };
}

export function describeAuthenticationResponse(response: AuthenticationResponseJSON): Record<string, unknown> {
  return { clientData: decodeClientDataJSON(response.response.clientDataJSON), extensions: response.clientExtensionResults };
}

const algorithmNames: Record<number, string> = { [-8]: 'EdDSA', [-7]: 'ES256', [-257]: 'RS256' };

export function describeAlgorithm(publicKey: Uint8Array): string {
  const alg = decodeCredentialPublicKey(new Uint8Array(publicKey)).get(cose.COSEKEYS.alg);
  return typeof alg === 'number' ? (algorithmNames[alg] ?? `COSE ${alg}`) : 'of unknown algorithm';
}
