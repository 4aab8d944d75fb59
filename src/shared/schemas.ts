/**
 * The HTTP contract in one place: request schemas (validated by the relying party with
 * zValidator) and response schemas (their inferred types are what the SPA reads; the
 * contract tests parse real responses with them). See docs/api.md.
 */
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { z } from 'zod';
import { deviceIds } from '../../testkit/core/presets.js';
import type { DeviceId } from '../../testkit/core/types.js';
import { authenticationDecodedSchema, registrationDecodedSchema } from './decoded.js';
import { type ErrorCode, errorCodes } from './error-codes.js';
import { checkIds } from './report.js';
import { signInMethodSchema } from './sign-in.js';
import { simulatedByValues } from './simulator-labels.js';
import { describeHiddenCharacter, findHiddenCharacter, normaliseUsername } from './usernames.js';

/** Base64url without padding (RFC 4648 §5), as WebAuthn's JSON encodes bytes. */
export const BASE64URL = /^[A-Za-z0-9_-]+$/;
const base64url = z.string().regex(BASE64URL, 'must be base64url');

export const transports = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'] as const;
export type Transport = (typeof transports)[number];

export const hints = ['client-device', 'security-key', 'hybrid'] as const;

/**
 * How far a registration's attestation was trusted (docs/api.md): `simulated` means it chains to
 * this lab's simulator root while simulated devices are on. It is never reported as `trusted`.
 */
export const attestationTrusts = ['not applicable', 'self', 'trusted', 'simulated', 'not checked', 'untrusted'] as const;
export type AttestationTrust = (typeof attestationTrusts)[number];
export type Hint = (typeof hints)[number];

/** NFKC-normalised before the checks (src/shared/usernames.ts): "ｈｇ＿ａｄｍｉｎ" arrives as "hg_admin". */
export const username = z
  .string()
  .overwrite(normaliseUsername)
  .min(1, 'Enter a username.')
  .max(64, 'Use at most 64 characters.')
  .regex(/^[\p{L}\p{N}._@+-]+$/u, 'Use letters, digits and . _ @ + - only (no spaces).');
/** Refuses control, bidirectional-control and invisible characters (src/shared/usernames.ts). */
export function visibleText(value: string, ctx: z.RefinementCtx): void {
  const hidden = findHiddenCharacter(value);
  if (hidden) ctx.addIssue({ code: 'custom', message: describeHiddenCharacter(hidden) });
}
const displayName = z.string().trim().max(64, 'Use at most 64 characters.').superRefine(visibleText);
export const nickname = z.string().trim().min(1, 'Enter a name.').max(64, 'Use at most 64 characters.').superRefine(visibleText);

const clientExtensionResults = z
  .object({
    credProps: z.object({ rk: z.boolean().optional() }).optional(),
  })
  .loose();

/** Members every PublicKeyCredential JSON has, around its ceremony-specific `response`. */
const publicKeyCredential = {
  id: base64url,
  rawId: base64url,
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults,
};

export const registrationResponse = z.object({
  ...publicKeyCredential,
  response: z.object({
    clientDataJSON: base64url,
    attestationObject: base64url,
    authenticatorData: base64url.optional(),
    // Unknown future transports are tolerated here and dropped when stored.
    transports: z.array(z.string().max(32)).max(16).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url.optional(),
  }),
}) satisfies z.ZodType<RegistrationResponseJSON>;

export const authenticationResponse = z.object({
  ...publicKeyCredential,
  response: z.object({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: base64url.optional(),
  }),
}) satisfies z.ZodType<AuthenticationResponseJSON>;

// ---- requests -------------------------------------------------------------------------

export const registrationOptionsRequest = z.object({
  username,
  displayName: displayName.optional(),
  hint: z.enum(hints).optional(),
});
export type RegistrationOptionsRequest = z.infer<typeof registrationOptionsRequest>;

/**
 * What the SPA says about the device that answered, sent with a verify request while practice
 * mode is on or the QA kit's simulator marks the window: `{ simulated: true, preset }`. Only a
 * claim (anyone can send it): it adds the "simulated" label and never raises trust (docs/api.md,
 * "Simulated devices").
 */
export const simulatedDeviceClaim = z.strictObject({
  simulated: z.literal(true),
  // 'custom': the QA kit's device made of options, not a preset (testkit/README.md, "Device options").
  preset: z.enum(deviceIds as [DeviceId, ...DeviceId[]], { error: `must be one of: ${deviceIds.join(', ')}` }),
});
export type SimulatedDeviceClaim = z.infer<typeof simulatedDeviceClaim>;

export const registrationVerifyRequest = z.object({
  response: registrationResponse,
  nickname: nickname.optional(),
  device: simulatedDeviceClaim.optional(),
});
export type RegistrationVerifyRequest = z.infer<typeof registrationVerifyRequest>;

export const authenticationOptionsRequest = z.object({
  username: username.optional(),
  /** Where the person says the passkey is; becomes WebAuthn `hints` (the browser UI may use it). */
  hint: z.enum(hints).optional(),
});
export type AuthenticationOptionsRequest = z.infer<typeof authenticationOptionsRequest>;

export const authenticationVerifyRequest = z.object({
  response: authenticationResponse,
  device: simulatedDeviceClaim.optional(),
});
export type AuthenticationVerifyRequest = z.infer<typeof authenticationVerifyRequest>;

export const renameCredentialRequest = z.object({ nickname });

export const updateAccountRequest = z.object({ displayName: displayName.min(1, 'Enter a display name.') });
export type UpdateAccountRequest = z.infer<typeof updateAccountRequest>;
export type RenameCredentialRequest = z.infer<typeof renameCredentialRequest>;

// ---- responses ------------------------------------------------------------------------

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
});
export type User = z.infer<typeof userSchema>;

/** A passkey provider's icons (data:image URIs), for light and dark backgrounds. */
export const providerIconSchema = z.object({ light: z.string().nullable(), dark: z.string().nullable() });
export type ProviderIcon = z.infer<typeof providerIconSchema>;

export const credentialSchema = z.object({
  id: base64url,
  nickname: z.string(),
  aaguid: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
  providerName: z.string().nullable(),
  /** Provider icons (data:image URIs) from the metadata files, when known. */
  providerIcon: providerIconSchema.nullable(),
  deviceType: z.enum(['singleDevice', 'multiDevice']),
  backedUp: z.boolean(),
  transports: z.array(z.enum(transports)),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  signCount: z.number().int().nonnegative(),
  /**
   * Whether a verified attestation statement, chained to a known root, vouched for the AAGUID at
   * registration. When false the AAGUID is only the authenticator's claim. A simulated device's
   * attestation counts while simulated devices are on (then `attestationTrust` is `simulated`).
   */
  attested: z.boolean(),
  /** The attestation's trust at registration. */
  attestationTrust: z.enum(attestationTrusts),
  /**
   * Registered by a simulated device: its attestation chains to this lab's simulator root
   * (`simulatedBy: 'attestation'`), or the SPA claimed it (practice mode, the QA kit's simulator)
   * and nothing attested it (`'claim'`).
   */
  simulated: z.boolean(),
  /** Present when `simulated`: how the lab knows. */
  simulatedBy: z.enum(simulatedByValues).optional(),
});
export type Credential = z.infer<typeof credentialSchema>;

export const sessionSchema = z.object({
  user: userSchema,
  /** The account's WebAuthn user handle (base64url), for the Signal API. */
  userHandle: z.string(),
  method: signInMethodSchema,
  signedInAt: z.iso.datetime(),
  userVerified: z.boolean(),
  /** A tenant admin (the first account, or one named in ADMIN_USERNAMES): may use /api/admin. */
  isAdmin: z.boolean(),
});
export type Session = z.infer<typeof sessionSchema>;

export const checkSchema = z.object({
  id: z.enum(checkIds),
  passed: z.boolean(),
  message: z.string(),
  /** The error code a failed check answers with. */
  code: z.enum(Object.keys(errorCodes) as [ErrorCode, ...ErrorCode[]]).optional(),
});
export type Check = z.infer<typeof checkSchema>;

const reportCommon = {
  /** The options the relying party sent (null when no challenge was pending). */
  options: z.unknown(),
  checks: z.array(checkSchema),
};

/** The decoded parts are those of src/shared/decoded.ts, as far as the ceremony got. */
export const reportSchema = z.discriminatedUnion('ceremony', [
  z.object({ ceremony: z.literal('registration'), decoded: registrationDecodedSchema, ...reportCommon }),
  z.object({ ceremony: z.literal('authentication'), decoded: authenticationDecodedSchema, ...reportCommon }),
]);
export type CeremonyReport = z.infer<typeof reportSchema>;
export type Ceremony = CeremonyReport['ceremony'];
export type RegistrationReport = Extract<CeremonyReport, { ceremony: 'registration' }>;
export type AuthenticationReport = Extract<CeremonyReport, { ceremony: 'authentication' }>;

export const verifiedSchema = z.object({
  verified: z.literal(true),
  user: userSchema,
  credential: credentialSchema,
  /** Every check the relying party made, and the decoded response (see docs/api.md). */
  report: reportSchema,
});
export type Verified = z.infer<typeof verifiedSchema>;

export const credentialListSchema = z.object({ credentials: z.array(credentialSchema) });
export type CredentialList = z.infer<typeof credentialListSchema>;

export interface RegistrationOptions {
  options: PublicKeyCredentialCreationOptionsJSON;
}
export interface AuthenticationOptions {
  options: PublicKeyCredentialRequestOptionsJSON;
}

export const metadataStatusSchema = z.object({
  /** How many AAGUIDs each source knows: the provider-list file, the MDS file, the built-in table. */
  sources: z.object({ names: z.number(), statements: z.number(), builtIn: z.number() }),
  /** Problems with AAGUID_METADATA_PATH / MDS_METADATA_PATH (missing, empty, invalid entries). */
  problems: z.array(z.string()),
});
export type MetadataStatus = z.infer<typeof metadataStatusSchema>;

// ---- cross-device hand-off ------------------------------------------------------------

export const handoffPurposes = ['registration', 'sign-in'] as const;
export type HandoffPurpose = (typeof handoffPurposes)[number];

export const createHandoffRequest = z.discriminatedUnion('purpose', [
  z.object({ purpose: z.literal('registration'), username, displayName: displayName.optional() }),
  z.object({ purpose: z.literal('sign-in') }),
]);
export type CreateHandoffRequest = z.infer<typeof createHandoffRequest>;

export const handoffSchema = z.object({
  id: base64url,
  /** Short code for people who cannot scan: typed on the phone at /handoff. */
  code: z.string(),
  purpose: z.enum(handoffPurposes),
  /** For registration: the account the phone creates, and its display name. */
  username: z.string().nullable(),
  displayName: z.string().nullable(),
  status: z.enum(['pending', 'approved', 'claimed', 'expired']),
  /** Which browser and system started it, so the phone can tell whether to trust it. */
  requestedBy: z.object({ browser: z.string(), os: z.string() }),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  /** `<origin>/handoff/<id>`: the QR code's content. */
  url: z.string(),
  /** True when the caller's browser session created it (only that one can claim it). */
  startedHere: z.boolean(),
});
export type Handoff = z.infer<typeof handoffSchema>;
