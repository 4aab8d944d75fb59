import { isoCBOR } from '@simplewebauthn/server/helpers';
import { describe, expect, it } from 'vitest';
import { buildAuthenticatorData, FLAG } from './authenticator-data';
import { fromBase64url, toBase64url } from './bytes';
import { cborDecode, cborEncode, type CborValue } from './cbor';
import { coseKeyFromEcJwk, ecdsaRawToDer } from './cose';

const sample = new Map<number | string, CborValue>([
  [1, 2],
  [-1, 1],
  [-3, new Uint8Array([1, 2, 3])],
  ['text', 'héllo'],
  ['list', [0, 23, 24, 255, 256, 65535, 65536, 2 ** 32, -24, -25, -256, -257, -65537]],
  ['bool', true],
  ['nil', null],
]);

describe('cbor', () => {
  it('encodes what a real decoder reads back', () => {
    const decoded = isoCBOR.decodeFirst<Map<number | string, unknown>>(new Uint8Array(cborEncode(sample)));
    expect(decoded.get(1)).toBe(2);
    expect(decoded.get(-1)).toBe(1);
    expect([...(decoded.get(-3) as Uint8Array)]).toEqual([1, 2, 3]);
    expect(decoded.get('text')).toBe('héllo');
    expect(decoded.get('bool')).toBe(true);
    expect(decoded.get('nil')).toBe(null);
    expect(decoded.get('list')).toEqual([0, 23, 24, 255, 256, 65535, 65536, 2 ** 32, -24, -25, -256, -257, -65537]);
  });

  it('round-trips through its own decoder and uses the shortest heads', () => {
    expect(cborDecode(cborEncode(sample))).toEqual(sample);
    expect([...cborEncode(23)]).toEqual([0x17]);
    expect([...cborEncode(24)]).toEqual([0x18, 24]);
    expect([...cborEncode(-1)]).toEqual([0x20]);
    expect([...cborEncode('a')]).toEqual([0x61, 0x61]);
    expect([...cborEncode(new Uint8Array(32)).subarray(0, 2)]).toEqual([0x58, 32]);
    expect([...cborEncode(-7)]).toEqual([0x26]);
    expect([...cborEncode(-257)]).toEqual([0x39, 0x01, 0x00]);
    expect(() => cborDecode(Uint8Array.of(0x01, 0x02))).toThrow(/Trailing/);
    expect(() => cborDecode(Uint8Array.of(0x58, 10, 1))).toThrow(/ends early/);
  });
});

describe('cose and authenticator data', () => {
  it('a P-256 JWK becomes the EC2 COSE key {1:2, 3:-7, -1:1, -2:x, -3:y}', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
    const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    const key = isoCBOR.decodeFirst<Map<number, unknown>>(new Uint8Array(coseKeyFromEcJwk(jwk)));
    expect([...key.keys()]).toEqual([1, 3, -1, -2, -3]);
    expect(toBase64url(key.get(-2) as Uint8Array)).toBe(jwk.x);
  });

  it('raw ECDSA signatures become DER with minimal, positive integers', () => {
    const raw = new Uint8Array(64);
    raw[0] = 0x80; // r needs a leading zero
    raw[63] = 0x01; // s is 1
    expect([...ecdsaRawToDer(raw)].slice(0, 4)).toEqual([0x30, 33 + 2 + 3, 0x02, 33]);
    expect([...ecdsaRawToDer(raw)].slice(-3)).toEqual([0x02, 1, 1]);
  });

  it('lays out rpIdHash | flags | counter | attested data', () => {
    const data = buildAuthenticatorData({
      rpIdHash: new Uint8Array(32).fill(7),
      flags: { up: true, uv: true, be: true, bs: false, at: true },
      signCount: 258,
      attested: { aaguid: '90a3ccdf-635c-4729-a248-9b709135078f', credentialId: Uint8Array.of(9, 9), cosePublicKey: Uint8Array.of(0xa0) },
    });
    expect(data[32]).toBe(FLAG.UP | FLAG.UV | FLAG.BE | FLAG.AT);
    expect([...data.subarray(33, 37)]).toEqual([0, 0, 1, 2]);
    expect(toBase64url(data.subarray(37, 53))).toBe(toBase64url(fromBase64url('kKPM32NcRymiSJtwkTUHjw')));
    expect([...data.subarray(53)]).toEqual([0, 2, 9, 9, 0xa0]);
  });
});
