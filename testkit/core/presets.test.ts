/** The presets are a contract: names, real AAGUIDs the lab recognises, and the device-bound/synced split. */
import { describe, expect, it } from 'vitest';
import { providerNameFor } from '../../src/shared/aaguids';
import { presetIds, presets } from './presets';

describe('presets', () => {
  it('are the nine kebab-case names of the contract', () => {
    expect(presetIds).toEqual([
      'microsoft-authenticator-ios',
      'microsoft-authenticator-android',
      'windows-hello-hardware',
      'windows-hello-software',
      'yubikey-5',
      'icloud-keychain',
      'google-password-manager',
      '1password',
      'bitwarden',
    ]);
    for (const id of presetIds) expect(presets[id].id).toBe(id);
  });

  it('carry lowercase AAGUIDs the lab’s own table names (no made-up models), each with a source', () => {
    for (const preset of Object.values(presets)) {
      expect(preset.aaguid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(providerNameFor(preset.aaguid), preset.id).not.toBeNull();
      expect(preset.source.length).toBeGreaterThan(10);
    }
    expect(presets['microsoft-authenticator-ios'].aaguid).toBe('90a3ccdf-635c-4729-a248-9b709135078f');
    expect(presets['microsoft-authenticator-android'].aaguid).toBe('de1e552d-db1d-4423-a619-566b625cdc84');
    expect(presets['windows-hello-hardware'].aaguid).toBe('08987058-cadc-4b81-b6e1-30de50dcbe96');
    expect(presets['windows-hello-software'].aaguid).toBe('6028b017-b1d4-4c02-b4b3-afcdafc96bb2');
  });

  it('synced presets are not attested; device-bound ones attest with packed', () => {
    for (const preset of Object.values(presets)) {
      expect(preset.attestation).toBe(preset.kind === 'synced' ? 'none' : 'packed');
    }
    expect(presetIds.filter((id) => presets[id].kind === 'synced')).toEqual(['icloud-keychain', 'google-password-manager', '1password', 'bitwarden']);
  });

  it('transports: phones hybrid + internal, the YubiKey usb + nfc, Windows Hello internal', () => {
    expect(presets['microsoft-authenticator-ios'].transports).toEqual(['hybrid', 'internal']);
    expect(presets['microsoft-authenticator-android'].transports).toEqual(['hybrid', 'internal']);
    expect(presets['yubikey-5'].transports).toEqual(['usb', 'nfc']);
    expect(presets['yubikey-5'].attachment).toBe('cross-platform');
    expect(presets['windows-hello-hardware'].transports).toEqual(['internal']);
    expect(presets['windows-hello-software'].transports).toEqual(['internal']);
  });
});
