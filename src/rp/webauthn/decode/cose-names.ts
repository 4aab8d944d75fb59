/** Human names for the COSE numbers a passkey carries (IANA COSE registries). */

export const coseAlgorithmNames: Readonly<Record<number, string>> = {
  [-7]: 'ES256',
  [-8]: 'EdDSA',
  [-9]: 'ESP256',
  [-19]: 'Ed25519',
  [-35]: 'ES384',
  [-36]: 'ES512',
  [-37]: 'PS256',
  [-38]: 'PS384',
  [-39]: 'PS512',
  [-47]: 'ES256K',
  [-48]: 'ML-DSA-44',
  [-49]: 'ML-DSA-65',
  [-50]: 'ML-DSA-87',
  [-257]: 'RS256',
  [-258]: 'RS384',
  [-259]: 'RS512',
  [-65535]: 'RS1',
};

export const coseKeyTypeNames: Readonly<Record<number, string>> = { 1: 'OKP', 2: 'EC2', 3: 'RSA', 4: 'Symmetric', 7: 'AKP' };

export const coseCurveNames: Readonly<Record<number, string>> = {
  1: 'P-256',
  2: 'P-384',
  3: 'P-521',
  4: 'X25519',
  5: 'X448',
  6: 'Ed25519',
  7: 'Ed448',
  8: 'secp256k1',
};

/** Every algorithm @simplewebauthn/server can verify: the inspector accepts any of them. */
export const ALL_SUPPORTED_ALGORITHMS = [-7, -8, -35, -36, -37, -38, -39, -47, -48, -49, -50, -257, -258, -259, -65535];
