import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to localhost:3000 and the SQLite file under data/', () => {
    expect(loadConfig({})).toEqual({
      rpId: 'localhost',
      rpName: 'Passkey Lab',
      origins: ['http://localhost:3000'],
      port: 3000,
      databasePath: 'data/passkey-lab.db',
      secureCookies: false,
      relatedOrigins: [],
      adminUsernames: [],
      signInLogRetentionDays: 30,
      signInLogMaxEntries: 100_000,
      simulatedDevices: true,
    });
  });

  it('turns simulated devices off with SIMULATED_DEVICES=0/false/off/no, refusing other words', () => {
    for (const off of ['0', 'false', 'OFF', 'no']) expect(loadConfig({ SIMULATED_DEVICES: off }).simulatedDevices).toBe(false);
    for (const on of ['1', 'true', 'on', 'yes', ' ']) expect(loadConfig({ SIMULATED_DEVICES: on }).simulatedDevices).toBe(true);
    expect(() => loadConfig({ SIMULATED_DEVICES: 'maybe' })).toThrow(/SIMULATED_DEVICES/);
  });

  it('reads the sign-in log retention, refusing what is not a positive whole number', () => {
    expect(loadConfig({ SIGN_IN_LOG_RETENTION_DAYS: '7', SIGN_IN_LOG_MAX_ENTRIES: '5000' })).toMatchObject({ signInLogRetentionDays: 7, signInLogMaxEntries: 5000 });
    expect(() => loadConfig({ SIGN_IN_LOG_RETENTION_DAYS: '0' })).toThrow(/SIGN_IN_LOG_RETENTION_DAYS/);
    expect(() => loadConfig({ SIGN_IN_LOG_MAX_ENTRIES: '1.5' })).toThrow(/SIGN_IN_LOG_MAX_ENTRIES/);
  });

  it('derives the default origin from PORT', () => {
    expect(loadConfig({ PORT: '4000' }).origins).toEqual(['http://localhost:4000']);
  });

  it('reads a comma-separated origin list and marks cookies Secure when all are https', () => {
    const config = loadConfig({ RP_ID: 'lab.example.com', RP_ORIGINS: 'https://lab.example.com/, https://m.lab.example.com' });
    expect(config.origins).toEqual(['https://lab.example.com', 'https://m.lab.example.com']);
    expect(config.secureCookies).toBe(true);
  });

  it('reads related origins and metadata paths, refusing non-https related origins', () => {
    const config = loadConfig({ RELATED_ORIGINS: 'https://a.example/, https://b.example', AAGUID_METADATA_PATH: 'meta/aaguid.json' });
    expect(config.relatedOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.aaguidMetadataPath).toBe('meta/aaguid.json');
    expect(config.mdsMetadataPath).toBeUndefined();
    expect(() => loadConfig({ RELATED_ORIGINS: 'http://a.example' })).toThrow(/https/);
  });

  it('refuses a PORT that is not a port', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
