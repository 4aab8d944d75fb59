/**
 * The lab's passkey policy as what one would run against a real Microsoft Entra ID tenant:
 * the Microsoft Graph PATCH body, and a Microsoft Graph PowerShell script that sends it.
 * Pure functions (no DOM, no Node APIs): the admin screen shows their output with Copy buttons.
 *
 * The body is the policy document's own fields (the same names as Graph's
 * `fido2AuthenticationMethodConfiguration`), so it can also be sent back to this lab's
 * `PATCH /api/admin/policy` unchanged. Group ids are the lab's: in a real tenant, targets must
 * name the object ids of that tenant's groups.
 */
import { type ExcludeTarget, type Fido2Policy, GRAPH_FIDO2_ODATA_TYPE, type IncludeTarget, type PasskeyProfile } from './policy.js';

/** Where Graph's passkey (FIDO2) method configuration lives (beta: passkey profiles are a beta feature). */
export const GRAPH_FIDO2_CONFIGURATION_URI =
  'https://graph.microsoft.com/beta/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/fido2';

/** The delegated permission that lets a script change authentication method policies. */
export const GRAPH_POLICY_SCOPE = 'Policy.ReadWrite.AuthenticationMethod';

/** A Graph PATCH body for the passkey policy: `@odata.type` first, then every field of the document. */
export interface GraphFido2PatchBody {
  '@odata.type': typeof GRAPH_FIDO2_ODATA_TYPE;
  state: Fido2Policy['state'];
  isSelfServiceRegistrationAllowed: boolean;
  includeTargets: IncludeTarget[];
  excludeTargets: ExcludeTarget[];
  passkeyProfiles: PasskeyProfile[];
  defaultPasskeyProfile: string;
}

/**
 * The PATCH body that makes a tenant's passkey policy equal to `policy`. Every field is
 * present, so it replaces the tenant's settings whole (Graph's PATCH replaces each field that
 * is sent, lists included). `id` is left out: the URL names the configuration.
 */
export function toGraphPatchBody(policy: Fido2Policy): GraphFido2PatchBody {
  return {
    '@odata.type': GRAPH_FIDO2_ODATA_TYPE,
    state: policy.state,
    isSelfServiceRegistrationAllowed: policy.isSelfServiceRegistrationAllowed,
    includeTargets: policy.includeTargets.map((target) => ({
      id: target.id,
      targetType: target.targetType,
      isRegistrationRequired: target.isRegistrationRequired,
      allowedPasskeyProfiles: [...target.allowedPasskeyProfiles],
    })),
    excludeTargets: policy.excludeTargets.map((target) => ({ id: target.id, targetType: target.targetType })),
    passkeyProfiles: policy.passkeyProfiles.map((profile) => ({
      id: profile.id,
      name: profile.name,
      passkeyTypes: profile.passkeyTypes,
      attestationEnforcement: profile.attestationEnforcement,
      keyRestrictions: {
        isEnforced: profile.keyRestrictions.isEnforced,
        enforcementType: profile.keyRestrictions.enforcementType,
        aaGuids: [...profile.keyRestrictions.aaGuids],
      },
    })),
    defaultPasskeyProfile: policy.defaultPasskeyProfile,
  };
}

/** The PATCH body as indented JSON text (what the screen shows and copies). */
export function toGraphPatchJson(policy: Fido2Policy): string {
  return JSON.stringify(toGraphPatchBody(policy), null, 2);
}

// ---- PowerShell -----------------------------------------------------------------------------

/**
 * A PowerShell single-quoted string literal. Inside one, nothing is expanded (`$`, backticks
 * and double quotes are plain text) and the only special character is the single quote, which
 * is written twice. PowerShell also treats the typographic quotes ‘ ’ ‚ ‛ as single quotes,
 * so they are doubled too (a name such as “Ana’s keys” would otherwise end the string).
 */
export function powerShellString(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (quote) => quote + quote)}'`;
}

/** A hashtable key: bare when it is a plain identifier, quoted otherwise (`'@odata.type'`). */
function powerShellKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : powerShellString(key);
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const INDENT = '    ';

function powerShellValue(value: Json, depth: number): string {
  if (value === null) return '$null';
  if (typeof value === 'boolean') return value ? '$true' : '$false';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return powerShellString(value);
  const inner = INDENT.repeat(depth + 1);
  const outer = INDENT.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return '@()';
    // One item per line, no commas: inside @( ) new lines separate the items.
    return `@(\n${value.map((item) => `${inner}${powerShellValue(item, depth + 1)}`).join('\n')}\n${outer})`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '[ordered]@{}';
  // [ordered] keeps the keys in this order in the JSON, so it reads like the Graph documentation.
  return `[ordered]@{\n${entries.map(([key, item]) => `${inner}${powerShellKey(key)} = ${powerShellValue(item, depth + 1)}`).join('\n')}\n${outer}}`;
}

/**
 * A Microsoft Graph PowerShell script that applies `policy` to a real tenant: connect with the
 * `Policy.ReadWrite.AuthenticationMethod` scope, build the body, and PATCH it to Graph's
 * passkey (FIDO2) configuration. Strings are single-quoted (nothing in a name or an AAGUID can
 * run as code); `ConvertTo-Json -Depth 10` keeps the nested profiles whole (the default depth
 * of 2 would flatten them to text).
 */
export function toGraphPowerShell(policy: Fido2Policy): string {
  const body = toGraphPatchBody(policy) as unknown as Json;
  return [
    '# Applies this passkey (FIDO2) policy to a Microsoft Entra ID tenant.',
    '# Needs the Microsoft Graph PowerShell SDK:',
    '#   Install-Module Microsoft.Graph.Authentication -Scope CurrentUser',
    '# and an account allowed to change authentication method policies.',
    "# Group ids are the lab's: use your tenant's group object ids.",
    `Connect-MgGraph -Scopes "${GRAPH_POLICY_SCOPE}"`,
    '',
    `$body = ${powerShellValue(body, 0)}`,
    '',
    `Invoke-MgGraphRequest -Method PATCH -Uri "${GRAPH_FIDO2_CONFIGURATION_URI}" -Body ($body | ConvertTo-Json -Depth 10) -ContentType "application/json"`,
    '',
  ].join('\n');
}
