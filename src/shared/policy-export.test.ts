import { describe, expect, it } from 'vitest';
import { defaultFido2Policy, type Fido2Policy, fido2PolicyPatchSchema, GRAPH_FIDO2_ODATA_TYPE, MICROSOFT_AUTHENTICATOR_AAGUIDS } from './policy';
import { GRAPH_FIDO2_CONFIGURATION_URI, powerShellString, toGraphPatchBody, toGraphPatchJson, toGraphPowerShell } from './policy-export';

const GROUP = '0b6e2f7a-1c1d-4a55-9a6b-0d1f2e3c4b5a';
const SECOND_PROFILE = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';

/** An allow list with Microsoft Authenticator, a group target, an exclusion and a second profile whose name needs quoting. */
function richPolicy(): Fido2Policy {
  const policy = defaultFido2Policy();
  policy.includeTargets = [
    { id: 'all_users', targetType: 'group', isRegistrationRequired: false, allowedPasskeyProfiles: [] },
    { id: GROUP, targetType: 'group', isRegistrationRequired: true, allowedPasskeyProfiles: [SECOND_PROFILE] },
  ];
  policy.excludeTargets = [{ id: GROUP, targetType: 'group' }];
  const [first] = policy.passkeyProfiles;
  if (!first) throw new Error('the default policy has a profile');
  first.attestationEnforcement = 'registrationOnly';
  first.keyRestrictions = {
    isEnforced: true,
    enforcementType: 'allow',
    aaGuids: [MICROSOFT_AUTHENTICATOR_AAGUIDS.iOS, MICROSOFT_AUTHENTICATOR_AAGUIDS.Android],
  };
  policy.passkeyProfiles.push({
    id: SECOND_PROFILE,
    name: 'Ana\'s keys ‘admins’ $env:USERNAME `n "x"',
    passkeyTypes: 'deviceBound',
    attestationEnforcement: 'disabled',
    keyRestrictions: { isEnforced: false, enforcementType: 'block', aaGuids: [] },
  });
  return policy;
}

describe('toGraphPatchBody', () => {
  it('starts with the Graph type and carries every field of the document except id', () => {
    const policy = richPolicy();
    const body = toGraphPatchBody(policy);
    expect(Object.keys(body)).toEqual([
      '@odata.type',
      'state',
      'isSelfServiceRegistrationAllowed',
      'includeTargets',
      'excludeTargets',
      'passkeyProfiles',
      'defaultPasskeyProfile',
    ]);
    expect(body['@odata.type']).toBe('#microsoft.graph.fido2AuthenticationMethodConfiguration');
    const { id: _id, ...fields } = policy;
    expect(body).toEqual({ '@odata.type': GRAPH_FIDO2_ODATA_TYPE, ...fields });
  });

  it('is a body the lab’s own PATCH schema accepts unchanged', () => {
    const parsed = fido2PolicyPatchSchema.safeParse(toGraphPatchBody(richPolicy()));
    expect(parsed.success).toBe(true);
  });

  it('copies the lists, so changing the body leaves the policy alone', () => {
    const policy = richPolicy();
    const body = toGraphPatchBody(policy);
    body.passkeyProfiles[0]?.keyRestrictions.aaGuids.push('00000000-0000-0000-0000-000000000000');
    body.includeTargets[1]?.allowedPasskeyProfiles.pop();
    expect(policy.passkeyProfiles[0]?.keyRestrictions.aaGuids).toHaveLength(2);
    expect(policy.includeTargets[1]?.allowedPasskeyProfiles).toEqual([SECOND_PROFILE]);
  });

  it('toGraphPatchJson is the same body as indented JSON', () => {
    const policy = richPolicy();
    const text = toGraphPatchJson(policy);
    expect(JSON.parse(text)).toEqual(toGraphPatchBody(policy));
    expect(text).toContain('\n  "@odata.type": "#microsoft.graph.fido2AuthenticationMethodConfiguration"');
  });
});

describe('powerShellString', () => {
  it('doubles single quotes, typographic ones included, and leaves everything else alone', () => {
    expect(powerShellString("Ana's keys")).toBe("'Ana''s keys'");
    expect(powerShellString('Ana’s ‘keys‚‛')).toBe("'Ana’’s ‘‘keys‚‚‛‛'");
    expect(powerShellString('$env:USERNAME `n "x"')).toBe('\'$env:USERNAME `n "x"\'');
    expect(powerShellString('')).toBe("''");
  });
});

describe('toGraphPowerShell', () => {
  it('connects with the policy scope and PATCHes the fido2 configuration with a deep ConvertTo-Json', () => {
    const script = toGraphPowerShell(defaultFido2Policy());
    const lines = script.split('\n');
    expect(lines).toContain('Connect-MgGraph -Scopes "Policy.ReadWrite.AuthenticationMethod"');
    const invoke = lines.find((line) => line.startsWith('Invoke-MgGraphRequest'));
    expect(invoke).toBe(
      `Invoke-MgGraphRequest -Method PATCH -Uri "${GRAPH_FIDO2_CONFIGURATION_URI}" -Body ($body | ConvertTo-Json -Depth 10) -ContentType "application/json"`,
    );
    expect(GRAPH_FIDO2_CONFIGURATION_URI).toBe(
      'https://graph.microsoft.com/beta/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/fido2',
    );
    // Connect first, then the body, then the request.
    expect(script.indexOf('Connect-MgGraph')).toBeLessThan(script.indexOf('$body = '));
    expect(script.indexOf('$body = ')).toBeLessThan(script.indexOf('Invoke-MgGraphRequest'));
  });

  it('writes booleans as $true/$false, empty lists as @() and quotes the @odata.type key', () => {
    const script = toGraphPowerShell(defaultFido2Policy());
    expect(script).toContain("'@odata.type' = '#microsoft.graph.fido2AuthenticationMethodConfiguration'");
    expect(script).toContain('isSelfServiceRegistrationAllowed = $true');
    expect(script).toContain('isEnforced = $false');
    expect(script).toContain('excludeTargets = @()');
    expect(script).toContain('aaGuids = @()');
    expect(script).not.toMatch(/= true|= false|"true"|"false"/);
  });

  it('builds a $body that evaluates to exactly the Graph PATCH body (names with quotes included)', () => {
    for (const policy of [defaultFido2Policy(), richPolicy()]) {
      const script = toGraphPowerShell(policy);
      expect(evaluateBody(script)).toEqual(toGraphPatchBody(policy));
    }
  });

  it('keeps a quote in a profile name inside its string: nothing after it runs as code', () => {
    const script = toGraphPowerShell(richPolicy());
    expect(script).toContain(`name = 'Ana''s keys ‘‘admins’’ $env:USERNAME \`n "x"'`);
  });
});

// ---- a tiny reader for the PowerShell literals the script uses ------------------------------
// [ordered]@{ key = value ... }, @( value ... ), 'single-quoted' strings, $true, $false, $null.
// It follows PowerShell's rules for these literals (a doubled quote is one quote; the
// typographic single quotes are quotes too), so a quoting mistake fails the round trip.

const SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b";

function evaluateBody(script: string): unknown {
  const start = script.indexOf('$body = ');
  if (start < 0) throw new Error('no $body assignment');
  const reader = new LiteralReader(script, start + '$body = '.length);
  const value = reader.value();
  reader.skipSpace();
  if (!script.startsWith('Invoke-MgGraphRequest', reader.position)) {
    throw new Error(`unexpected text after $body at ${reader.position}: ${script.slice(reader.position, reader.position + 40)}`);
  }
  return value;
}

class LiteralReader {
  constructor(
    private readonly text: string,
    public position: number,
  ) {}

  skipSpace(): void {
    while (/\s/.test(this.text[this.position] ?? '')) this.position++;
  }

  private expect(token: string): void {
    if (!this.text.startsWith(token, this.position)) {
      throw new Error(`expected ${token} at ${this.position}: ${this.text.slice(this.position, this.position + 40)}`);
    }
    this.position += token.length;
  }

  value(): unknown {
    this.skipSpace();
    const rest = this.text.slice(this.position);
    if (rest.startsWith('[ordered]@{')) return this.hashtable();
    if (rest.startsWith('@(')) return this.array();
    if (SINGLE_QUOTES.includes(rest[0] ?? '')) return this.string();
    for (const [token, value] of [['$true', true], ['$false', false], ['$null', null]] as const) {
      if (rest.startsWith(token)) {
        this.position += token.length;
        return value;
      }
    }
    throw new Error(`unexpected value at ${this.position}: ${rest.slice(0, 40)}`);
  }

  private string(): string {
    this.position++; // opening quote
    let out = '';
    for (;;) {
      const char = this.text[this.position];
      if (char === undefined) throw new Error('unterminated string');
      if (SINGLE_QUOTES.includes(char)) {
        const next = this.text[this.position + 1];
        if (next !== undefined && SINGLE_QUOTES.includes(next)) {
          out += char;
          this.position += 2;
          continue;
        }
        this.position++;
        return out;
      }
      out += char;
      this.position++;
    }
  }

  private array(): unknown[] {
    this.expect('@(');
    const items: unknown[] = [];
    for (;;) {
      this.skipSpace();
      if (this.text[this.position] === ')') {
        this.position++;
        return items;
      }
      items.push(this.value());
    }
  }

  private hashtable(): Record<string, unknown> {
    this.expect('[ordered]@{');
    const out: Record<string, unknown> = {};
    for (;;) {
      this.skipSpace();
      if (this.text[this.position] === '}') {
        this.position++;
        return out;
      }
      const key = SINGLE_QUOTES.includes(this.text[this.position] ?? '') ? this.string() : this.bareKey();
      this.skipSpace();
      this.expect('=');
      out[key] = this.value();
    }
  }

  private bareKey(): string {
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.position));
    if (!match) throw new Error(`expected a key at ${this.position}`);
    this.position += match[0].length;
    return match[0];
  }
}
