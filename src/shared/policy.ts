/**
 * The tenant's passkey (FIDO2) authentication method policy, shaped like Microsoft Graph's
 * `fido2AuthenticationMethodConfiguration` (id `Fido2`) so that what people learn in the lab
 * carries over to a real tenant: same field names, same values, same PATCH semantics.
 * The rules it follows are summed up in docs/design.md ("The policy model"); src/rp/policy/
 * evaluates it.
 *
 * Runs in the browser and in Node: no DOM or Node APIs here.
 */
import { z } from 'zod';

// ---- AAGUIDs --------------------------------------------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Microsoft Authenticator's AAGUIDs (the admin centre's "Microsoft Authenticator" checkbox adds both). */
export const MICROSOFT_AUTHENTICATOR_AAGUIDS = {
  iOS: '90a3ccdf-635c-4729-a248-9b709135078f',
  Android: 'de1e552d-db1d-4423-a619-566b625cdc84',
} as const;

/**
 * Microsoft Entra passkeys on Windows (preview): passkeys in the local Windows Hello container.
 * During the preview they register only when a passkey profile allow-lists these AAGUIDs with
 * key restrictions on and attestation off. Microsoft Learn, "Microsoft Entra passkeys on
 * Windows" (how-to-authentication-entra-passkeys-on-windows, 18 February 2026).
 */
export const WINDOWS_HELLO_AAGUIDS = {
  /** Private key in a hardware TPM. */
  hardware: '08987058-cadc-4b81-b6e1-30de50dcbe96',
  /** Virtualization-based security: keys kept by the hypervisor in the host's TPM. */
  vbs: '9ddd1817-af5a-4672-a2b9-3e3dd95000a9',
  /** Private key in a software TPM. */
  software: '6028b017-b1d4-4c02-b4b3-afcdafc96bb2',
} as const;

/** The AAGUID error messages show as an example. */
const EXAMPLE_AAGUID = MICROSOFT_AUTHENTICATOR_AAGUIDS.iOS;

/** The AAGUID Chromium's virtual authenticator (DevTools, Playwright) reports. */
export const CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID = '01020304-0506-0708-0102-030405060708';

/** Lower-case, trimmed AAGUID, or null when the text is not a UUID (8-4-4-4-12 hex digits). */
export function normaliseAaguid(text: string): string | null {
  const value = text.trim().toLowerCase();
  return UUID.test(value) ? value : null;
}

/**
 * Splits what someone pasted into the AAGUID list editor (commas, spaces, new lines, quotes)
 * into normalised AAGUIDs (duplicates dropped, order kept) and the entries that are not AAGUIDs.
 */
export function parseAaguidList(text: string): { aaguids: string[]; invalid: string[] } {
  const aaguids: string[] = [];
  const invalid: string[] = [];
  for (const entry of text.split(/[\s,;"']+/)) {
    if (entry === '') continue;
    const aaguid = normaliseAaguid(entry);
    if (aaguid === null) invalid.push(entry);
    else if (!aaguids.includes(aaguid)) aaguids.push(aaguid);
  }
  return { aaguids, invalid };
}

/**
 * What to say next to an AAGUID that no attestation statement vouched for: the authenticator
 * reported it, but nothing proves it, so any authenticator could have claimed it.
 * Returns null for an attested AAGUID.
 */
export function unattestedAaguidNote(aaguid: string, attested: boolean, providerName?: string | null): string | null {
  if (attested) return null;
  const who = providerName ? `${aaguid} (${providerName})` : aaguid;
  return (
    `The AAGUID ${who} was not attested, so it is only a claim: the authenticator said so, but nothing proves it, ` +
    'and any authenticator can report any AAGUID. Key restrictions based on it can be bypassed unless attestation is enforced.'
  );
}

// ---- schemas --------------------------------------------------------------------------

const aaguid = z
  .string({ error: 'must be an AAGUID (text)' })
  .trim()
  .toLowerCase()
  .regex(UUID, { error: (issue) => `${JSON.stringify(issue.input)} is not an AAGUID: use a UUID such as ${EXAMPLE_AAGUID}` });

/** A reference to a profile (compared case-insensitively; existence is checked by validatePolicy). */
const profileRef = z.string().trim().toLowerCase().min(1, 'must name a passkey profile id');

const groupId = z.string().trim().min(1, 'must be all_users or a group id').max(128, 'must be at most 128 characters');

// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const noControlCharacters = /^[^\u0000-\u001f\u007f]*$/;

export const passkeyTypeValues = ['deviceBound', 'synced', 'deviceBound,synced'] as const;
export type PasskeyTypes = (typeof passkeyTypeValues)[number];
export const attestationEnforcementValues = ['disabled', 'registrationOnly'] as const;
export const enforcementTypeValues = ['allow', 'block'] as const;

export const keyRestrictionsSchema = z.strictObject({
  isEnforced: z.boolean(),
  enforcementType: z.enum(enforcementTypeValues, { error: 'must be "allow" or "block"' }),
  /** Normalised to lower case; duplicates are dropped (order kept). */
  aaGuids: z
    .array(aaguid)
    .max(500, 'can hold at most 500 AAGUIDs')
    .transform((list) => [...new Set(list)]),
});
export type KeyRestrictions = z.infer<typeof keyRestrictionsSchema>;

export const passkeyProfileSchema = z.strictObject({
  id: z
    .string()
    .trim()
    .toLowerCase()
    .regex(UUID, { error: (issue) => `${JSON.stringify(issue.input)} is not a GUID (a profile id looks like ${EXAMPLE_AAGUID})` }),
  name: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(64, 'must be at most 64 characters')
    .regex(noControlCharacters, 'must not contain control characters (such as new lines)'),
  passkeyTypes: z.enum(passkeyTypeValues, { error: 'must be "deviceBound", "synced" or "deviceBound,synced"' }),
  attestationEnforcement: z.enum(attestationEnforcementValues, { error: 'must be "disabled" or "registrationOnly"' }).default('disabled'),
  keyRestrictions: keyRestrictionsSchema.default({ isEnforced: false, enforcementType: 'block', aaGuids: [] }),
});
export type PasskeyProfile = z.infer<typeof passkeyProfileSchema>;

export const includeTargetSchema = z.strictObject({
  id: groupId,
  targetType: z.literal('group', { error: 'must be "group"' }).default('group'),
  isRegistrationRequired: z.boolean().default(false),
  /** Profile ids; an empty list means the default profile. */
  allowedPasskeyProfiles: z.array(profileRef).max(3, 'can name at most 3 profiles').default([]),
});
export type IncludeTarget = z.infer<typeof includeTargetSchema>;

export const excludeTargetSchema = z.strictObject({
  id: groupId,
  targetType: z.literal('group', { error: 'must be "group"' }).default('group'),
});
export type ExcludeTarget = z.infer<typeof excludeTargetSchema>;

export const MAX_PASSKEY_PROFILES = 3;

const policyFields = {
  state: z.enum(['enabled', 'disabled'], { error: 'must be "enabled" or "disabled"' }),
  isSelfServiceRegistrationAllowed: z.boolean(),
  includeTargets: z.array(includeTargetSchema).max(100, 'can hold at most 100 targets'),
  excludeTargets: z.array(excludeTargetSchema).max(100, 'can hold at most 100 targets'),
  passkeyProfiles: z
    .array(passkeyProfileSchema)
    .min(1, 'must hold at least the default profile')
    .max(MAX_PASSKEY_PROFILES, {
      error: (issue) =>
        `a policy has at most ${MAX_PASSKEY_PROFILES} passkey profiles, including the default one` +
        (Array.isArray(issue.input) ? ` (this one has ${issue.input.length})` : ''),
    }),
  defaultPasskeyProfile: profileRef,
};

/** The whole policy document (what GET returns and what is stored). */
export const fido2PolicySchema = z.strictObject({
  id: z.literal('Fido2', { error: 'must be "Fido2"' }).default('Fido2'),
  ...policyFields,
});
export type Fido2Policy = z.infer<typeof fido2PolicySchema>;
export type Fido2PolicyInput = z.input<typeof fido2PolicySchema>;

export const GRAPH_FIDO2_ODATA_TYPE = '#microsoft.graph.fido2AuthenticationMethodConfiguration';

/**
 * A PATCH body: every field optional; a field that is present replaces the stored one whole
 * (so `passkeyProfiles` replaces all profiles, as Graph's PATCH does). Also accepts the
 * `@odata.type` and `id` a body copied from Graph or from the lab's export carries.
 */
export const fido2PolicyPatchSchema = z
  .strictObject({
    '@odata.type': z.literal(GRAPH_FIDO2_ODATA_TYPE, { error: `must be "${GRAPH_FIDO2_ODATA_TYPE}"` }),
    id: z.literal('Fido2', { error: 'must be "Fido2"' }),
    ...policyFields,
  })
  .partial();
export type Fido2PolicyPatch = z.infer<typeof fido2PolicyPatchSchema>;
export type Fido2PolicyPatchInput = z.input<typeof fido2PolicyPatchSchema>;

// ---- defaults -------------------------------------------------------------------------

/** The default profile's id in a fresh lab tenant (fixed, so tests and docs can name it). */
export const DEFAULT_PASSKEY_PROFILE_ID = 'dbb5ec61-2d13-4a9f-8d46-ed61d66e21d8';

/**
 * What a fresh demo tenant shows. Deliberately *enabled* for all users, with self-service on
 * and one default profile that allows device-bound and synced passkeys, no attestation and no
 * key restrictions, so the lab works out of the box (a real tenant starts disabled; the lab's
 * whole point is that people can create a passkey at once, and an admin then tightens it).
 */
export function defaultFido2Policy(): Fido2Policy {
  return {
    id: 'Fido2',
    state: 'enabled',
    isSelfServiceRegistrationAllowed: true,
    includeTargets: [{ id: 'all_users', targetType: 'group', isRegistrationRequired: false, allowedPasskeyProfiles: [] }],
    excludeTargets: [],
    passkeyProfiles: [
      {
        id: DEFAULT_PASSKEY_PROFILE_ID,
        name: 'Default passkey profile',
        passkeyTypes: 'deviceBound,synced',
        attestationEnforcement: 'disabled',
        keyRestrictions: { isEnforced: false, enforcementType: 'block', aaGuids: [] },
      },
    ],
    defaultPasskeyProfile: DEFAULT_PASSKEY_PROFILE_ID,
  };
}

// ---- validation -----------------------------------------------------------------------

export const ALL_USERS = 'all_users';

export interface PolicyIssue {
  /** Where, in the document's own terms: `passkeyProfiles[0].keyRestrictions.aaGuids[2]`. */
  field: string;
  /** `<field>: <what is wrong and what to do>`. */
  message: string;
}

export type PolicyValidation =
  | { ok: true; policy: Fido2Policy }
  | { ok: false; field: string; message: string; issues: PolicyIssue[] };

/** Fields of the classic (deprecated) model that admins still know from Microsoft Learn's older passkey articles. */
const classicFields: Record<string, string> = {
  isAttestationEnforced: 'is the classic field; use passkeyProfiles[].attestationEnforcement ("registrationOnly" or "disabled")',
  keyRestrictions: 'is the classic top-level field; use passkeyProfiles[].keyRestrictions',
};

export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function issue(path: readonly PropertyKey[], text: string): PolicyIssue {
  const field = fieldPath(path);
  return { field, message: field === '' ? `The document ${text}` : `${field}: ${text}` };
}

/** Turns zod's issues into field-named sentences (one per unknown key). */
export function policyIssuesFromZod(error: z.ZodError): PolicyIssue[] {
  const out: PolicyIssue[] = [];
  for (const zi of error.issues) {
    if (zi.code === 'unrecognized_keys') {
      // Own keys only: `__proto__` or `constructor` in a body must not read Object.prototype's members.
      for (const key of zi.keys) out.push(issue([...zi.path, key], (Object.hasOwn(classicFields, key) ? classicFields[key] : undefined) ?? 'is not a field of this object'));
    } else if (zi.code === 'invalid_type' && zi.message.startsWith('Invalid input')) {
      const expected = zi.expected === 'object' ? 'an object' : zi.expected === 'array' ? 'a list' : `a ${zi.expected}`;
      out.push(issue(zi.path, zi.message.endsWith('received undefined') ? `is missing (it must be ${expected})` : `must be ${expected}`));
    } else {
      out.push(issue(zi.path, zi.message));
    }
  }
  return out;
}

/** The checks that need the whole document (and the tenant's groups), in document order. */
export function crossCheckPolicy(policy: Fido2Policy, groupIds: Iterable<string>): PolicyIssue[] {
  const groups = new Set(groupIds);
  const out: PolicyIssue[] = [];
  const profileIds = new Map<string, number>();
  policy.passkeyProfiles.forEach((profile, i) => {
    const first = profileIds.get(profile.id);
    if (first === undefined) profileIds.set(profile.id, i);
    else out.push(issue(['passkeyProfiles', i, 'id'], `repeats the id ${profile.id} of passkeyProfiles[${first}]; each profile needs its own id`));
  });
  policy.passkeyProfiles.forEach((profile, i) => {
    // Synced passkeys carry no attestation a relying party could verify (their providers send
    // "none"), so a profile that lets them in cannot also demand it. Microsoft Learn,
    // "Passkeys (FIDO2) authentication method" (concept-authentication-passkeys-fido2).
    if (profile.attestationEnforcement === 'registrationOnly' && profile.passkeyTypes.includes('synced')) {
      out.push(
        issue(
          ['passkeyProfiles', i, 'attestationEnforcement'],
          `cannot be "registrationOnly" in profile "${profile.name}", which allows synced passkeys: synced passkeys are not attested. Set passkeyTypes to "deviceBound" to enforce attestation, or set attestationEnforcement to "disabled"`,
        ),
      );
    }
  });
  if (!profileIds.has(policy.defaultPasskeyProfile)) {
    out.push(
      issue(
        ['defaultPasskeyProfile'],
        `names ${JSON.stringify(policy.defaultPasskeyProfile)}, which is not the id of any of passkeyProfiles (${[...profileIds.keys()].join(', ')})`,
      ),
    );
  }
  const seenIncludes = new Set<string>();
  policy.includeTargets.forEach((target, i) => {
    if (seenIncludes.has(target.id)) out.push(issue(['includeTargets', i, 'id'], `lists ${JSON.stringify(target.id)} a second time`));
    seenIncludes.add(target.id);
    if (target.id !== ALL_USERS && !groups.has(target.id)) {
      out.push(issue(['includeTargets', i, 'id'], `names an unknown group ${JSON.stringify(target.id)}; use all_users or the id of an existing group`));
    }
    target.allowedPasskeyProfiles.forEach((ref, j) => {
      if (!profileIds.has(ref)) {
        out.push(issue(['includeTargets', i, 'allowedPasskeyProfiles', j], `names ${JSON.stringify(ref)}, which is not the id of any of passkeyProfiles`));
      }
    });
  });
  const seenExcludes = new Set<string>();
  policy.excludeTargets.forEach((target, i) => {
    if (seenExcludes.has(target.id)) out.push(issue(['excludeTargets', i, 'id'], `lists ${JSON.stringify(target.id)} a second time`));
    seenExcludes.add(target.id);
    if (target.id === ALL_USERS) {
      out.push(issue(['excludeTargets', i, 'id'], 'cannot exclude all_users; set state to "disabled" to turn passkeys off for everyone'));
    } else if (!groups.has(target.id)) {
      out.push(issue(['excludeTargets', i, 'id'], `names an unknown group ${JSON.stringify(target.id)}; use the id of an existing group`));
    }
  });
  return out;
}

/**
 * Parses and checks a whole policy document (for instance the result of applying a PATCH):
 * shape, AAGUIDs (normalised to lower case), at most 3 profiles, unique profile ids, a default
 * profile that exists, targets naming known groups and profiles. The first problem comes
 * first in `field`/`message`; `issues` lists them all.
 */
export function validatePolicy(input: unknown, context: { groupIds: Iterable<string> }): PolicyValidation {
  const parsed = fido2PolicySchema.safeParse(input);
  const issues = parsed.success ? crossCheckPolicy(parsed.data, context.groupIds) : policyIssuesFromZod(parsed.error);
  const [first] = issues;
  if (first) return { ok: false, field: first.field, message: first.message, issues };
  if (!parsed.success) return { ok: false, field: '', message: 'The policy is not valid.', issues };
  return { ok: true, policy: parsed.data };
}

/** Parses a PATCH body; the merged result still needs validatePolicy. */
export function parsePolicyPatch(input: unknown): { ok: true; patch: Fido2PolicyPatch } | { ok: false; field: string; message: string; issues: PolicyIssue[] } {
  const parsed = fido2PolicyPatchSchema.safeParse(input);
  if (parsed.success) return { ok: true, patch: parsed.data };
  const issues = policyIssuesFromZod(parsed.error);
  const first = issues[0] ?? { field: '', message: 'The PATCH body is not valid.' };
  return { ok: false, field: first.field, message: first.message, issues };
}

// ---- Temporary Access Pass settings (Entra's ranges) ------------------------------------

export const TAP_LIMITS = {
  length: { min: 8, max: 48, default: 8 },
  lifetimeInMinutes: { min: 10, max: 43_200, default: 60 },
} as const;

/** Settings for one TAP, with Graph's names. One-time use defaults to off, as in Entra. */
export const tapSettingsSchema = z.strictObject({
  length: z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(TAP_LIMITS.length.min, `must be at least ${TAP_LIMITS.length.min} characters`)
    .max(TAP_LIMITS.length.max, `must be at most ${TAP_LIMITS.length.max} characters`)
    .default(TAP_LIMITS.length.default),
  lifetimeInMinutes: z
    .number({ error: 'must be a number' })
    .int('must be a whole number of minutes')
    .min(TAP_LIMITS.lifetimeInMinutes.min, `must be at least ${TAP_LIMITS.lifetimeInMinutes.min} minutes`)
    .max(TAP_LIMITS.lifetimeInMinutes.max, `must be at most ${TAP_LIMITS.lifetimeInMinutes.max} minutes (30 days)`)
    .default(TAP_LIMITS.lifetimeInMinutes.default),
  isUsableOnce: z.boolean().default(false),
});
export type TapSettings = z.infer<typeof tapSettingsSchema>;
export type TapSettingsInput = z.input<typeof tapSettingsSchema>;

export function validateTapSettings(input: unknown): { ok: true; settings: TapSettings } | { ok: false; field: string; message: string } {
  const parsed = tapSettingsSchema.safeParse(input ?? {});
  if (parsed.success) return { ok: true, settings: parsed.data };
  const first = policyIssuesFromZod(parsed.error)[0] ?? { field: '', message: 'The settings are not valid.' };
  return { ok: false, field: first.field, message: first.message };
}
