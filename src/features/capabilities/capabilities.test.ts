import { describe, expect, it } from 'vitest';
import { buildCapabilityRows, capabilityDescriptions, describeCapabilityKey, leadingKeys } from './capabilities';

describe('describeCapabilityKey', () => {
  it('has a name and a plain meaning for every leading row', () => {
    for (const key of leadingKeys) {
      const { name, meaning } = describeCapabilityKey(key);
      expect(name.length).toBeGreaterThan(2);
      expect(meaning).toMatch(/\.$/);
    }
    expect(capabilityDescriptions['extension:prf']?.name).toContain('PRF');
  });

  it('describes unknown extensions and capabilities by their name', () => {
    expect(describeCapabilityKey('extension:futureThing').name).toBe('Extension “futureThing”');
    expect(describeCapabilityKey('brandNewCapability').name).toBe('brandNewCapability');
  });
});

describe('buildCapabilityRows', () => {
  it('lists every reported capability, the browser’s report winning over feature checks', () => {
    const rows = buildCapabilityRows({
      webAuthn: true,
      platformAuthenticator: false,
      autofill: true,
      clientCapabilities: { conditionalCreate: false, userVerifyingPlatformAuthenticator: true, 'extension:prf': true, zeta: true },
      featureChecks: { signalUnknownCredential: true },
    });
    const byKey = Object.fromEntries(rows.map((row) => [row.key, row]));
    expect(byKey.webAuthn).toMatchObject({ answer: 'yes', source: 'feature check' });
    expect(byKey.userVerifyingPlatformAuthenticator).toMatchObject({ answer: 'yes', source: 'getClientCapabilities()' });
    expect(byKey.conditionalGet).toMatchObject({ answer: 'yes', source: 'feature check' });
    expect(byKey.conditionalCreate).toMatchObject({ answer: 'no', source: 'getClientCapabilities()' });
    expect(byKey['extension:prf']).toMatchObject({ answer: 'yes' });
    expect(byKey.signalUnknownCredential).toMatchObject({ answer: 'yes', source: 'feature check' });
    expect(byKey.hybridTransport).toMatchObject({ answer: 'unknown', source: 'not reported' });
    expect(byKey.getClientCapabilities?.answer).toBe('yes');
    expect(rows.at(-1)?.key).toBe('zeta');
    expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length);
  });

  it('answers Unknown where the browser cannot report, and No for everything without WebAuthn', () => {
    const rows = buildCapabilityRows({ webAuthn: true, platformAuthenticator: true, autofill: false, clientCapabilities: null });
    expect(rows.find((row) => row.key === 'conditionalCreate')?.answer).toBe('unknown');
    expect(rows.find((row) => row.key === 'getClientCapabilities')?.answer).toBe('no');
    const none = buildCapabilityRows({ webAuthn: false, platformAuthenticator: false, autofill: false, clientCapabilities: null });
    expect(none.every((row) => row.answer === 'no')).toBe(true);
  });
});
