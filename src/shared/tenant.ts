/**
 * The tenant side of the HTTP contract (docs/api.md, "Tenant administration"): groups, users,
 * the AAGUID inventory, impact previews, Temporary Access Passes, the conditional-access rule
 * for the demo "sensitive app", the registration campaign and the sign-in log. The passkey
 * policy document itself is in policy.ts.
 *
 * Runs in the browser and in Node: no DOM or Node APIs here.
 */
import { z } from 'zod';
import { type Fido2Policy, type Fido2PolicyPatch, normaliseAaguid } from './policy.js';
import { providerIconSchema, username, userSchema, visibleText } from './schemas.js';
import { signInMethodSchema } from './sign-in.js';
import { simulatedByValues } from './simulator-labels.js';

// ---- groups and users -------------------------------------------------------------------

export const groupName = z
  .string()
  .trim()
  .min(1, 'Enter a group name.')
  .max(64, 'Use at most 64 characters.')
  // Control (such as new lines), bidirectional-control and invisible characters have no place in a name.
  .superRefine(visibleText);

export const createGroupRequest = z.object({ displayName: groupName });
export const addGroupMemberRequest = z.object({ username });

export const groupSchema = z.object({
  /** A GUID, like an Entra group's object id: this is what policy targets name. */
  id: z.string(),
  displayName: z.string(),
  members: z.array(userSchema),
  createdAt: z.iso.datetime(),
});
export type Group = z.infer<typeof groupSchema>;

export const tenantUserSchema = userSchema.extend({
  isAdmin: z.boolean(),
  /** Group ids. */
  groups: z.array(z.string()),
  passkeys: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type TenantUser = z.infer<typeof tenantUserSchema>;

// ---- AAGUID inventory (Get-PasskeyDeviceBoundAAGUID) ------------------------------------

export const aaguidUsageSchema = z.object({
  aaguid: z.string(),
  providerName: z.string().nullable(),
  providerIcon: providerIconSchema.nullable(),
  passkeys: z.number().int(),
  users: z.number().int(),
  /** Usernames holding a passkey with this AAGUID. */
  usernames: z.array(z.string()),
  /** How many of these passkeys came with a verified attestation statement (simulated ones included while simulated devices are on). */
  attestedPasskeys: z.number().int(),
  /** How many of these passkeys are from simulated devices (attested by this lab's simulator, not by the vendor). */
  simulatedPasskeys: z.number().int(),
  lastUsedAt: z.iso.datetime().nullable(),
  /** Whether the current policy's key restrictions let at least one profile use it. */
  allowedByPolicy: z.boolean(),
});
export type AaguidUsage = z.infer<typeof aaguidUsageSchema>;

// ---- impact of a policy change ----------------------------------------------------------

export const policyRefusalCodes = ['policy_disabled', 'not_in_policy_scope', 'passkey_type_not_allowed', 'aaguid_blocked'] as const;
export type PolicyRefusalCode = (typeof policyRefusalCodes)[number];

export const impactSchema = z.object({
  /** Passkeys that sign in under the current policy and would be refused under the new one. */
  passkeysStopping: z.array(
    z.object({
      credentialId: z.string(),
      nickname: z.string(),
      username: z.string(),
      aaguid: z.string(),
      providerName: z.string().nullable(),
      code: z.enum(policyRefusalCodes),
      reason: z.string(),
    }),
  ),
  /** Passkeys refused now that the new policy would let in again. */
  passkeysStarting: z.number().int(),
  /** Users who can sign in with a passkey now and could not with any of theirs afterwards. */
  usersLockedOut: z.array(z.object({ userId: z.string(), username: z.string(), passkeys: z.number().int() })),
});
export type PolicyImpact = z.infer<typeof impactSchema>;

/** What POST /api/admin/policy/preview and /prepare-allow-list answer: nothing is saved. */
export interface PolicyPreview {
  /** The PATCH body that would be sent (for prepare-allow-list: the one it built). */
  patch: Fido2PolicyPatch;
  /** The policy as it would be after the PATCH. */
  policy: Fido2Policy;
  /** Top-level fields the PATCH changes. */
  changedFields: string[];
  impact: PolicyImpact;
}

/** Set-PasskeyAuthenticationMethodsPolicy's parameters, with the lab's field names. */
export const prepareAllowListRequest = z.object({
  microsoftAaguidsAllowed: z.enum(['All', 'iOS', 'Android'], { error: 'must be "All", "iOS" or "Android"' }).default('All'),
  enforceAttestation: z.boolean().default(false),
  /** Replace the default profile's AAGUID list instead of adding to it. */
  overwriteExistingAaguids: z.boolean().default(false),
  /** Also allow Microsoft Entra passkeys on Windows (the three Windows Hello AAGUIDs; preview: attestation must stay off). */
  includeWindowsHello: z.boolean().default(false),
}).superRefine((request, ctx) => {
  if (request.includeWindowsHello && request.enforceAttestation) {
    ctx.addIssue({
      code: 'custom',
      path: ['enforceAttestation'],
      message: 'must be false when includeWindowsHello is true: Entra passkeys on Windows are not attested during the preview, so they could not register',
    });
  }
});
export type PrepareAllowListRequest = z.input<typeof prepareAllowListRequest>;

// ---- Temporary Access Pass ----------------------------------------------------------------

export const issueTapRequest = z.object({
  username,
  /** Used when the user does not exist yet and is created. */
  displayName: z.string().trim().max(64, 'Use at most 64 characters.').superRefine(visibleText).optional(),
  length: z.number().int().optional(),
  lifetimeInMinutes: z.number().int().optional(),
  isUsableOnce: z.boolean().optional(),
});
export type IssueTapRequest = z.infer<typeof issueTapRequest>;

/** The answer to issuing a TAP: the only time the code is shown. Field names as in Graph. */
export const issuedTapSchema = z.object({
  id: z.string(),
  user: userSchema,
  /** True when the user did not exist and was created for this pass. */
  userCreated: z.boolean(),
  temporaryAccessPass: z.string(),
  createdDateTime: z.iso.datetime(),
  expiresDateTime: z.iso.datetime(),
  lifetimeInMinutes: z.number().int(),
  isUsableOnce: z.boolean(),
});
export type IssuedTap = z.infer<typeof issuedTapSchema>;

export const tapStatusValues = ['active', 'used', 'expired', 'replaced'] as const;
export const tapSummarySchema = issuedTapSchema.omit({ temporaryAccessPass: true, userCreated: true }).extend({
  status: z.enum(tapStatusValues),
});
export type TapSummary = z.infer<typeof tapSummarySchema>;

export const tapSignInRequest = z.object({
  username,
  code: z.string().trim().min(1, 'Enter the Temporary Access Pass.').max(48, 'A Temporary Access Pass has at most 48 characters.'),
});
export type TapSignInRequest = z.infer<typeof tapSignInRequest>;

// ---- conditional access: the demo "sensitive app" -----------------------------------------

export const conditionalAccessSchema = z.strictObject({
  state: z.enum(['enabled', 'disabled'], { error: 'must be "enabled" or "disabled"' }),
  /** Authentication strength: phishing-resistant MFA (a passkey sign-in with user verification). */
  requirePhishingResistant: z.boolean(),
  /** A custom strength's allowed AAGUIDs; empty: any passkey. */
  allowedAaguids: z
    .array(z.string().transform((value, ctx) => normaliseAaguid(value) ?? (ctx.addIssue({ code: 'custom', message: `${JSON.stringify(value)} is not an AAGUID` }), z.NEVER)))
    .max(100, 'can hold at most 100 AAGUIDs')
    .transform((list) => [...new Set(list)]),
});
export type ConditionalAccessRule = z.infer<typeof conditionalAccessSchema>;
export const conditionalAccessPatchSchema = conditionalAccessSchema.partial();

export const sensitiveAppSchema = z.object({
  app: z.string(),
  user: userSchema,
  /** How this session signed in, which is what let it in. */
  signedInWith: z.object({
    method: signInMethodSchema,
    userVerified: z.boolean(),
    aaguid: z.string().nullable(),
    providerName: z.string().nullable(),
    /** The passkey is from a simulated device (docs/api.md, "Simulated devices"). */
    simulated: z.boolean(),
    /** Present when `simulated`: attested by this lab's simulator, or only claimed by practice mode. */
    simulatedBy: z.enum(simulatedByValues).optional(),
  }),
  rule: conditionalAccessSchema,
});
export type SensitiveApp = z.infer<typeof sensitiveAppSchema>;

// ---- registration campaign ----------------------------------------------------------------

/** GET /api/registration-campaign: the state machine's decision for the signed-in person (src/shared/registration-campaign.ts). */
export const campaignSchema = z.object({
  /** Show the nudge now. */
  nudge: z.boolean(),
  /** Why the person is in scope: an admin's target, the Microsoft-managed campaign (SMS users from 1 Sep 2026), or the SMS retirement (blocking). */
  reason: z.enum(['adminTarget', 'microsoftManaged', 'smsRetired']).nullable(),
  snoozesUsed: z.number().int(),
  /** Null: unlimited ("Not now" as often as the person likes). */
  snoozesLeft: z.number().int().nullable(),
  /** No snoozes left (or SMS retired): the person must register before going on. */
  mustRegister: z.boolean(),
  snoozedUntil: z.iso.datetime().nullable(),
  snoozeDurationInDays: z.number().int(),
});
export type Campaign = z.infer<typeof campaignSchema>;

// ---- sign-in log --------------------------------------------------------------------------

export const logCeremonies = ['registration', 'authentication', 'temporaryAccessPass'] as const;

export const signInLogEntrySchema = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  ceremony: z.enum(logCeremonies),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  credentialId: z.string().nullable(),
  aaguid: z.string().nullable(),
  providerName: z.string().nullable(),
  /** `success`, or the error code the attempt was refused with. */
  result: z.string(),
  method: signInMethodSchema.extract(['passkey', 'temporaryAccessPass']),
  browser: z.string(),
  os: z.string(),
  /** The passkey (or the registration's attestation) is from a simulated device. */
  simulated: z.boolean(),
  /** Present when `simulated`: attested by this lab's simulator, or only claimed by practice mode. */
  simulatedBy: z.enum(simulatedByValues).optional(),
});
export type SignInLogEntry = z.infer<typeof signInLogEntrySchema>;

export const signInLogQuery = z.object({
  username: z.string().max(64).optional(),
  ceremony: z.enum(logCeremonies).optional(),
  /** `success`, `failure`, or one error code. */
  result: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
