import { describe, expect, it } from 'vitest';
import {
  defaultFido2Policy,
  fieldPath,
  GRAPH_FIDO2_ODATA_TYPE,
  MICROSOFT_AUTHENTICATOR_AAGUIDS,
  normaliseAaguid,
  parseAaguidList,
  parsePolicyPatch,
  validatePolicy,
  validateTapSettings,
} from './policy';

const IOS = MICROSOFT_AUTHENTICATOR_AAGUIDS.iOS;
const ANDROID = MICROSOFT_AUTHENTICATOR_AAGUIDS.Android;
const GROUP = 'a1a1a1a1-0000-4000-8000-000000000001';
const base = defaultFido2Policy();
const DEFAULT_ID = base.defaultPasskeyProfile;
const profileWith = (id: string, changes: object = {}) => ({ ...base.passkeyProfiles[0]!, id, name: `Profile ${id.slice(0, 4)}`, ...changes });
const withProfile = (changes: object): unknown => ({ ...base, passkeyProfiles: [{ ...base.passkeyProfiles[0]!, ...changes }] });
const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];

describe('validatePolicy', () => {
  it('accepts the default policy unchanged', () => {
    expect(validatePolicy(base, { groupIds: [] })).toEqual({ ok: true, policy: base });
  });

  it('normalises AAGUIDs (trim, lower case) and drops duplicates, order kept', () => {
    const result = validatePolicy(withProfile({ keyRestrictions: { isEnforced: true, enforcementType: 'allow', aaGuids: [` ${IOS.toUpperCase()} `, ANDROID, IOS] } }), { groupIds: [] });
    expect(result.ok && result.policy.passkeyProfiles[0]?.keyRestrictions.aaGuids).toEqual([IOS, ANDROID]);
  });

  it('fills defaults a short profile leaves out (attestation disabled, no key restrictions) and target fields', () => {
    const result = validatePolicy(
      { ...base, includeTargets: [{ id: 'all_users' }], passkeyProfiles: [{ id: DEFAULT_ID.toUpperCase(), name: 'Default', passkeyTypes: 'deviceBound' }] },
      { groupIds: [] },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.policy.passkeyProfiles[0]).toEqual({
      id: DEFAULT_ID,
      name: 'Default',
      passkeyTypes: 'deviceBound',
      attestationEnforcement: 'disabled',
      keyRestrictions: { isEnforced: false, enforcementType: 'block', aaGuids: [] },
    });
    expect(result.policy.includeTargets[0]).toEqual({ id: 'all_users', targetType: 'group', isRegistrationRequired: false, allowedPasskeyProfiles: [] });
  });

  it('accepts three profiles and targets naming known groups and profiles', () => {
    const policy = {
      ...base,
      passkeyProfiles: [base.passkeyProfiles[0], profileWith(ids[0]!), profileWith(ids[1]!)],
      includeTargets: [
        { id: 'all_users', targetType: 'group', isRegistrationRequired: false, allowedPasskeyProfiles: [] },
        { id: GROUP, targetType: 'group', isRegistrationRequired: true, allowedPasskeyProfiles: [ids[0]!.toUpperCase(), ids[1]] },
      ],
    };
    const result = validatePolicy(policy, { groupIds: [GROUP] });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(result.ok && result.policy.includeTargets[1]?.allowedPasskeyProfiles).toEqual([ids[0], ids[1]]);
  });

  it.each<{ name: string; input: unknown; groups?: string[]; field: string; message: RegExp }>([
    {
      name: 'a malformed AAGUID names its place in the document',
      input: withProfile({ keyRestrictions: { isEnforced: true, enforcementType: 'allow', aaGuids: [IOS, 'not-an-aaguid'] } }),
      field: 'passkeyProfiles[0].keyRestrictions.aaGuids[1]',
      message: /"not-an-aaguid" is not an AAGUID/,
    },
    {
      name: 'an AAGUID without dashes',
      input: withProfile({ keyRestrictions: { isEnforced: true, enforcementType: 'allow', aaGuids: [IOS.replace(/-/g, '')] } }),
      field: 'passkeyProfiles[0].keyRestrictions.aaGuids[0]',
      message: /is not an AAGUID: use a UUID such as/,
    },
    {
      name: 'a fourth profile',
      input: { ...base, passkeyProfiles: [base.passkeyProfiles[0], ...ids.map((id) => profileWith(id))] },
      field: 'passkeyProfiles',
      message: /at most 3 passkey profiles.*\(this one has 4\)/,
    },
    { name: 'no profile at all', input: { ...base, passkeyProfiles: [] }, field: 'passkeyProfiles', message: /at least the default profile/ },
    {
      name: 'a duplicate profile id (compared case-insensitively)',
      input: { ...base, passkeyProfiles: [base.passkeyProfiles[0], profileWith(DEFAULT_ID.toUpperCase())] },
      field: 'passkeyProfiles[1].id',
      message: /repeats the id .* of passkeyProfiles\[0\]/,
    },
    {
      name: 'a profile id that is not a GUID',
      input: { ...base, passkeyProfiles: [base.passkeyProfiles[0], profileWith('security-keys')] },
      field: 'passkeyProfiles[1].id',
      message: /is not a GUID/,
    },
    {
      name: 'the default profile does not exist',
      input: { ...base, defaultPasskeyProfile: ids[0] },
      field: 'defaultPasskeyProfile',
      message: /not the id of any of passkeyProfiles/,
    },
    {
      name: 'the default profile was removed from passkeyProfiles',
      input: { ...base, passkeyProfiles: [profileWith(ids[0]!)] },
      field: 'defaultPasskeyProfile',
      message: /not the id of any of passkeyProfiles/,
    },
    {
      name: 'an include target naming an unknown group',
      input: { ...base, includeTargets: [{ id: GROUP, targetType: 'group', isRegistrationRequired: false, allowedPasskeyProfiles: [] }] },
      field: 'includeTargets[0].id',
      message: /unknown group/,
    },
    {
      name: 'an include target naming an unknown profile',
      input: { ...base, includeTargets: [{ id: 'all_users', targetType: 'group', isRegistrationRequired: false, allowedPasskeyProfiles: [DEFAULT_ID, ids[0]] }] },
      field: 'includeTargets[0].allowedPasskeyProfiles[1]',
      message: /not the id of any of passkeyProfiles/,
    },
    {
      name: 'an exclude target naming an unknown group',
      input: { ...base, excludeTargets: [{ id: GROUP, targetType: 'group' }] },
      groups: [],
      field: 'excludeTargets[0].id',
      message: /unknown group/,
    },
    {
      name: 'excluding all_users',
      input: { ...base, excludeTargets: [{ id: 'all_users', targetType: 'group' }] },
      field: 'excludeTargets[0].id',
      message: /cannot exclude all_users; set state to "disabled"/,
    },
    {
      name: 'the same include target twice',
      input: { ...base, includeTargets: [base.includeTargets[0], base.includeTargets[0]] },
      field: 'includeTargets[1].id',
      message: /a second time/,
    },
    {
      name: 'the same exclude target twice',
      input: { ...base, excludeTargets: [{ id: GROUP, targetType: 'group' }, { id: GROUP, targetType: 'group' }] },
      groups: [GROUP],
      field: 'excludeTargets[1].id',
      message: /a second time/,
    },
    { name: 'the classic isAttestationEnforced', input: { ...base, isAttestationEnforced: true }, field: 'isAttestationEnforced', message: /classic field; use passkeyProfiles\[\]\.attestationEnforcement/ },
    {
      name: 'the classic top-level keyRestrictions',
      input: { ...base, keyRestrictions: { isEnforced: true, enforcementType: 'allow', aaGuids: [] } },
      field: 'keyRestrictions',
      message: /classic top-level field; use passkeyProfiles\[\]\.keyRestrictions/,
    },
    { name: 'an unknown field', input: { ...base, colour: 'blue' }, field: 'colour', message: /not a field of this object/ },
    { name: 'an unknown field inside a profile', input: withProfile({ colour: 'blue' }), field: 'passkeyProfiles[0].colour', message: /not a field/ },
    { name: 'unknown state', input: { ...base, state: 'on' }, field: 'state', message: /must be "enabled" or "disabled"/ },
    { name: 'unknown passkeyTypes', input: withProfile({ passkeyTypes: 'synced,deviceBound' }), field: 'passkeyProfiles[0].passkeyTypes', message: /must be "deviceBound", "synced" or "deviceBound,synced"/ },
    { name: 'unknown attestationEnforcement', input: withProfile({ attestationEnforcement: 'always' }), field: 'passkeyProfiles[0].attestationEnforcement', message: /"disabled" or "registrationOnly"/ },
    {
      name: 'unknown enforcementType',
      input: withProfile({ keyRestrictions: { isEnforced: true, enforcementType: 'deny', aaGuids: [] } }),
      field: 'passkeyProfiles[0].keyRestrictions.enforcementType',
      message: /"allow" or "block"/,
    },
    {
      name: 'unknown targetType',
      input: { ...base, includeTargets: [{ id: 'all_users', targetType: 'user', isRegistrationRequired: false, allowedPasskeyProfiles: [] }] },
      field: 'includeTargets[0].targetType',
      message: /must be "group"/,
    },
    { name: 'a boolean of the wrong type', input: { ...base, isSelfServiceRegistrationAllowed: 'yes' }, field: 'isSelfServiceRegistrationAllowed', message: /must be a boolean/ },
    { name: 'a profile name with a new line', input: withProfile({ name: 'a\nb' }), field: 'passkeyProfiles[0].name', message: /control characters/ },
    { name: 'an empty profile name', input: withProfile({ name: '  ' }), field: 'passkeyProfiles[0].name', message: /must not be empty/ },
  ])('$name → $field', ({ input, groups = [], field, message }) => {
    const result = validatePolicy(input, { groupIds: groups });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.field).toBe(field);
    expect(result.message).toMatch(message);
    expect(result.message.startsWith(`${field}: `), 'the message starts with the field').toBe(true);
    expect(result.issues[0]).toEqual({ field: result.field, message: result.message });
  });

  it('lists every problem in issues, the first in field/message', () => {
    const result = validatePolicy(
      { ...base, defaultPasskeyProfile: ids[0], excludeTargets: [{ id: 'all_users', targetType: 'group' }], includeTargets: [{ id: GROUP }] },
      { groupIds: [] },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.field)).toEqual(['defaultPasskeyProfile', 'includeTargets[0].id', 'excludeTargets[0].id']);
    expect(result.field).toBe('defaultPasskeyProfile');
  });

  it('a document that is not an object', () => {
    expect(validatePolicy(null, { groupIds: [] })).toMatchObject({ ok: false, field: '', message: expect.stringMatching(/must be an object/) });
  });
});

describe('parsePolicyPatch', () => {
  it.each<[string, unknown]>([
    ['an empty body', {}],
    ['one field', { state: 'disabled' }],
    ['a body copied from Graph (@odata.type and id)', { '@odata.type': GRAPH_FIDO2_ODATA_TYPE, id: 'Fido2', isSelfServiceRegistrationAllowed: false }],
    ['the whole document', base],
  ])('accepts %s', (_name, body) => {
    expect(parsePolicyPatch(body).ok).toBe(true);
  });

  it.each<{ name: string; body: unknown; field: string; message: RegExp }>([
    { name: 'another @odata.type', body: { '@odata.type': '#microsoft.graph.x509CertificateAuthenticationMethodConfiguration' }, field: '@odata.type', message: /fido2AuthenticationMethodConfiguration/ },
    { name: 'another id', body: { id: 'Sms' }, field: 'id', message: /must be "Fido2"/ },
    { name: 'classic isAttestationEnforced', body: { isAttestationEnforced: true }, field: 'isAttestationEnforced', message: /classic field/ },
    { name: 'classic keyRestrictions', body: { keyRestrictions: { isEnforced: true, enforcementType: 'block', aaGuids: [] } }, field: 'keyRestrictions', message: /classic top-level field/ },
    { name: 'unknown state', body: { state: 'paused' }, field: 'state', message: /"enabled" or "disabled"/ },
    { name: 'a fourth profile', body: { passkeyProfiles: [base.passkeyProfiles[0], ...ids.map((id) => profileWith(id))] }, field: 'passkeyProfiles', message: /at most 3/ },
    {
      name: 'a malformed AAGUID',
      body: { passkeyProfiles: [{ ...base.passkeyProfiles[0], keyRestrictions: { isEnforced: true, enforcementType: 'allow', aaGuids: [IOS, 'nope'] } }] },
      field: 'passkeyProfiles[0].keyRestrictions.aaGuids[1]',
      message: /"nope" is not an AAGUID/,
    },
    { name: 'not an object', body: [], field: '', message: /must be an object/ },
  ])('refuses $name → "$field"', ({ body, field, message }) => {
    const result = parsePolicyPatch(body);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.field).toBe(field);
    expect(result.message).toMatch(message);
  });

  it('does not check cross-references: that is validatePolicy’s job on the merged document', () => {
    const result = parsePolicyPatch({ defaultPasskeyProfile: ids[0], excludeTargets: [{ id: 'all_users' }] });
    expect(result.ok).toBe(true);
  });
});

describe('validateTapSettings', () => {
  it.each<{ input: unknown; field?: string; message?: RegExp; settings?: object }>([
    { input: undefined, settings: { length: 8, lifetimeInMinutes: 60, isUsableOnce: false } },
    { input: {}, settings: { length: 8, lifetimeInMinutes: 60, isUsableOnce: false } },
    { input: { length: 8, lifetimeInMinutes: 10, isUsableOnce: true }, settings: { length: 8, lifetimeInMinutes: 10, isUsableOnce: true } },
    { input: { length: 48, lifetimeInMinutes: 43_200 }, settings: { length: 48, lifetimeInMinutes: 43_200, isUsableOnce: false } },
    { input: { length: 7 }, field: 'length', message: /at least 8/ },
    { input: { length: 49 }, field: 'length', message: /at most 48/ },
    { input: { length: 8.5 }, field: 'length', message: /whole number/ },
    { input: { length: '12' }, field: 'length', message: /must be a number/ },
    { input: { lifetimeInMinutes: 9 }, field: 'lifetimeInMinutes', message: /at least 10 minutes/ },
    { input: { lifetimeInMinutes: 43_201 }, field: 'lifetimeInMinutes', message: /at most 43200 minutes/ },
    { input: { lifetimeInMinutes: 0 }, field: 'lifetimeInMinutes', message: /at least 10/ },
    { input: { isUsableOnce: 'yes' }, field: 'isUsableOnce', message: /boolean/ },
    { input: { colour: 'blue' }, field: 'colour', message: /not a field/ },
  ])('$input', ({ input, field, message, settings }) => {
    const result = validateTapSettings(input);
    if (settings) {
      expect(result).toEqual({ ok: true, settings });
      return;
    }
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.field).toBe(field);
    expect(result.message).toMatch(message!);
  });
});

describe('AAGUID helpers', () => {
  it.each([
    [IOS, IOS],
    [` ${IOS.toUpperCase()}\n`, IOS],
    [IOS.replace(/-/g, ''), null],
    ['', null],
    [`${IOS}0`, null],
  ])('normaliseAaguid(%j) → %j', (input, expected) => {
    expect(normaliseAaguid(input)).toBe(expected);
  });

  it('parseAaguidList splits what was pasted, drops duplicates and lists the rest as invalid', () => {
    expect(parseAaguidList(`"${IOS}", ${ANDROID.toUpperCase()}\n${IOS}; nope`)).toEqual({ aaguids: [IOS, ANDROID], invalid: ['nope'] });
  });

  it.each([
    [['passkeyProfiles', 0, 'keyRestrictions', 'aaGuids', 2], 'passkeyProfiles[0].keyRestrictions.aaGuids[2]'],
    [['state'], 'state'],
    [[], ''],
  ] as const)('fieldPath(%j) → %s', (path, expected) => {
    expect(fieldPath(path)).toBe(expected);
  });
});

describe('synced passkeys cannot be attested (Microsoft Learn, concept-authentication-passkeys-fido2)', () => {
  it('refuses attestation enforcement in a profile that allows synced passkeys, naming the field', () => {
    for (const passkeyTypes of ['synced', 'deviceBound,synced'] as const) {
      const policy = defaultFido2Policy();
      policy.passkeyProfiles[0] = { ...policy.passkeyProfiles[0]!, passkeyTypes, attestationEnforcement: 'registrationOnly' };
      const result = validatePolicy(policy, { groupIds: [] });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.field).toBe('passkeyProfiles[0].attestationEnforcement');
        expect(result.message).toContain('synced passkeys are not attested');
      }
    }
  });
  it('accepts attestation enforcement on a device-bound profile', () => {
    const policy = defaultFido2Policy();
    policy.passkeyProfiles[0] = { ...policy.passkeyProfiles[0]!, passkeyTypes: 'deviceBound', attestationEnforcement: 'registrationOnly' };
    expect(validatePolicy(policy, { groupIds: [] }).ok).toBe(true);
  });
});
