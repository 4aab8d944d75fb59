/**
 * The ceremony report: what the relying party asked, what came back decoded, and every check
 * it made in order. It is the `report` field of a verify response, and of the error body
 * when verification fails, so a refusal is explained too. Nothing secret goes in it.
 * Its schema (`reportSchema`, types `CeremonyReport` and `Check`) is in schemas.ts.
 */
export const checkIds = [
  'challenge',
  'origin',
  'type',
  'credential',
  'userHandle',
  'rpIdHash',
  'userPresence',
  'userVerification',
  'backupFlags',
  'attestation',
  'publicKey',
  'signature',
  'counter',
  'credentialId',
  'credentialUnique',
  'username',
  'policy',
] as const;
export type CheckId = (typeof checkIds)[number];

