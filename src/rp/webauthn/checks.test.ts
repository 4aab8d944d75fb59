import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { coseEc2, coseOkp, coseRsa, offCurveP256, realCoseKey } from '../../../test/rp/strict-helpers.js';
import {
  checkChallenge,
  checkCredentialId,
  checkOrigin,
  checkPublicKey,
  checkRpIdHash,
  checkSignCount,
  checkType,
  checkUserPresence,
  checkUserVerification,
  EC2_CURVES,
  isEcPoint,
  isEd25519Point,
  MAX_CREDENTIAL_ID_BYTES,
} from './checks.js';

const origins = ['http://localhost:3000'];
const good = { type: 'webauthn.get', challenge: 'abc', origin: 'http://localhost:3000' };
import { createHash } from 'node:crypto';
const hash = createHash('sha256').update('localhost').digest('hex');
const outcome = (check: { passed: boolean; code?: string }) => (check.passed ? 'passed' : check.code);

describe('checkChallenge', () => {
  const pending = { challenge: 'abc', expiresAt: 100 };
  it('passes the pending challenge before its expiry', () => expect(outcome(checkChallenge(pending, good, 99))).toBe('passed'));
  it('needs a pending challenge', () => expect(outcome(checkChallenge(undefined, good, 0))).toBe('challenge_missing'));
  it('refuses it at its expiry', () => expect(outcome(checkChallenge(pending, good, 100))).toBe('challenge_expired'));
  it('refuses another challenge', () => expect(outcome(checkChallenge(pending, { ...good, challenge: 'abd' }, 0))).toBe('challenge_mismatch'));
});

describe('checkOrigin and checkType', () => {
  it('passes an allowed origin', () => expect(outcome(checkOrigin(good, origins))).toBe('passed'));
  it('refuses an origin not in the list', () => expect(outcome(checkOrigin({ ...good, origin: 'http://localhost:3001' }, origins))).toBe('origin_mismatch'));
  it('refuses a cross-origin iframe', () => expect(outcome(checkOrigin({ ...good, crossOrigin: true }, origins))).toBe('origin_mismatch'));
  it('passes the expected type', () => expect(outcome(checkType(good, 'webauthn.get'))).toBe('passed'));
  it('refuses the other ceremony type', () => expect(outcome(checkType(good, 'webauthn.create'))).toBe('ceremony_type_mismatch'));
  it('says what it compared', () => expect(checkOrigin({ ...good, origin: 'https://evil.example' }, origins).message).toMatch(/https:\/\/evil\.example/));
});

describe('authenticator data checks', () => {
  it('passes a matching rpIdHash', () => expect(outcome(checkRpIdHash(hash, 'localhost'))).toBe('passed'));
  it('refuses the hash of another RP ID', () => expect(outcome(checkRpIdHash(hash, 'evil.example'))).toBe('rp_id_mismatch'));
  it('refuses a shorter rpIdHash', () => expect(outcome(checkRpIdHash(hash.slice(0, 62), 'localhost'))).toBe('rp_id_mismatch'));
  it('requires user presence', () => expect(outcome(checkUserPresence({ up: false }))).toBe('user_presence_required'));
  it('requires user verification', () => expect(outcome(checkUserVerification({ uv: false }))).toBe('user_verification_required'));
  it('passes UP and UV', () => expect([checkUserPresence({ up: true }), checkUserVerification({ uv: true })].map(outcome)).toEqual(['passed', 'passed']));
});

describe('checkSignCount', () => {
  it.each([
    [0, 0, 'passed'],
    [0, 1, 'passed'],
    [5, 6, 'passed'],
    [5, 5, 'counter_regression'],
    [5, 4, 'counter_regression'],
    [5, 0, 'counter_regression'],
  ])('stored %i, received %i → %s', (stored, received, result) => expect(outcome(checkSignCount(stored, received))).toBe(result));
});

describe('checkOrigin: crossOrigin and topOrigin (§7.1 steps 9–10, §7.2 steps 13–14)', () => {
  it.each([['true'], [1], [null], [{}]])('refuses crossOrigin %j (not a boolean) as invalid_request', (crossOrigin) =>
    expect(outcome(checkOrigin({ ...good, crossOrigin }, origins))).toBe('invalid_request'));
  it('passes crossOrigin false', () => expect(outcome(checkOrigin({ ...good, crossOrigin: false }, origins))).toBe('passed'));
  it('refuses any topOrigin with its own code, whatever crossOrigin says', () => {
    expect(outcome(checkOrigin({ ...good, topOrigin: 'https://framing.example' }, origins))).toBe('top_origin_not_allowed');
    expect(outcome(checkOrigin({ ...good, crossOrigin: true, topOrigin: 'https://framing.example' }, origins))).toBe('top_origin_not_allowed');
    expect(outcome(checkOrigin({ ...good, crossOrigin: true, topOrigin: good.origin }, origins))).toBe('top_origin_not_allowed');
  });
  it('a wrong origin is still origin_mismatch first', () =>
    expect(outcome(checkOrigin({ ...good, origin: 'https://evil.example', topOrigin: 'https://evil.example' }, origins))).toBe('origin_mismatch'));
  it('names the framing page, cut short', () => {
    expect(checkOrigin({ ...good, topOrigin: 'https://framing.example' }, origins).message).toMatch(/framing\.example/);
    expect(checkOrigin({ ...good, topOrigin: 'x'.repeat(5000) }, origins).message.length).toBeLessThan(300);
  });
});

describe('checkCredentialId (§7.1: at most 1023 bytes, the id in the authenticator data)', () => {
  const id = (bytes: number) => Buffer.alloc(bytes, 7).toString('base64url');
  it('passes the authenticator data’s id named by id and rawId', () => expect(outcome(checkCredentialId(id(16), id(16), id(16)))).toBe('passed'));
  it('passes 1023 bytes and refuses 1024', () => {
    expect(outcome(checkCredentialId(id(MAX_CREDENTIAL_ID_BYTES), id(MAX_CREDENTIAL_ID_BYTES), id(MAX_CREDENTIAL_ID_BYTES)))).toBe('passed');
    expect(outcome(checkCredentialId(id(1024), id(1024), id(1024)))).toBe('credential_id_invalid');
  });
  it('refuses an id or rawId naming another credential', () => {
    expect(outcome(checkCredentialId(id(16), id(17), id(16)))).toBe('credential_id_invalid');
    expect(outcome(checkCredentialId(id(16), id(16), id(17)))).toBe('credential_id_invalid');
  });
});

describe('checkPublicKey', () => {
  it.each(['P-256', 'P-384', 'P-521', 'Ed25519'] as const)('passes a real %s key', (kind) => expect(outcome(checkPublicKey(realCoseKey(kind)))).toBe('passed'));
  it('passes a real 2048-bit RSA key', () => expect(outcome(checkPublicKey(realCoseKey('RSA', 2048)))).toBe('passed'));

  const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
  const [x, y] = [Buffer.from(p256.x!, 'base64url'), Buffer.from(p256.y!, 'base64url')];
  it.each([
    ['a point off the curve', offCurveP256()],
    ['the point (0, 0)', coseEc2(1, -7, Buffer.alloc(32), Buffer.alloc(32))],
    ['31-byte coordinates', coseEc2(1, -7, x.subarray(1), y.subarray(1))],
    ['a P-256 point labelled ES384', coseEc2(1, -35, x, y)],
    ['an unknown curve', coseEc2(9, -7, x, y)],
    ['an Ed25519 key with y ≥ p', coseOkp(Buffer.concat([Buffer.alloc(31, 0xff), Buffer.from([0x7f])]))],
    ['a 31-byte Ed25519 key', coseOkp(Buffer.alloc(31, 1))],
    ['an Ed25519 key labelled ES256', coseOkp(Buffer.from(realCoseKey('Ed25519')).subarray(-32), -7)],
    ['a 1024-bit RSA key', realCoseKey('RSA', 1024)],
    ['an RSA key with an even exponent', coseRsa(Buffer.concat([Buffer.from([0xc0]), Buffer.alloc(255, 0xab)]), Buffer.from([0x01, 0x00, 0x00]))],
    ['an RSA key with an even modulus', coseRsa(Buffer.concat([Buffer.from([0xc0]), Buffer.alloc(255, 0xaa)]), Buffer.from([0x01, 0x00, 0x01]))],
    ['CBOR that is not a COSE key', Buffer.from([0x01])],
  ])('refuses %s as public_key_invalid', (_, cose) => expect(outcome(checkPublicKey(cose))).toBe('public_key_invalid'));
});

describe('isEd25519Point (RFC 8032 §5.1.3)', () => {
  it.each([
    // RFC 8032 §7.1 test vectors 1–3 (public keys)
    'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025',
  ])('decodes %s', (hex) => expect(isEd25519Point(Buffer.from(hex, 'hex'))).toBe(true));
  it('refuses a y that has no x (not on the curve)', () => {
    // y = 2: (y² − 1)/(d·y² + 1) is not a square mod p.
    const bytes = Buffer.alloc(32);
    bytes[0] = 2;
    expect(isEd25519Point(bytes)).toBe(false);
  });
  it('refuses x = 0 with the sign bit set', () => {
    const bytes = Buffer.alloc(32);
    bytes[0] = 1; // y = 1 gives x = 0
    expect(isEd25519Point(bytes)).toBe(true);
    bytes[31] = 0x80;
    expect(isEd25519Point(bytes)).toBe(false);
  });
});

describe('isEcPoint (what OpenSSL decides when it imports the key)', () => {
  const curves = [
    { crv: 1, name: 'P-256', bytes: 32 },
    { crv: 2, name: 'P-384', bytes: 48 },
    { crv: 3, name: 'P-521', bytes: 66 },
  ] as const;
  const coordinates = (name: string) => {
    const jwk = generateKeyPairSync('ec', { namedCurve: name }).publicKey.export({ format: 'jwk' });
    return { x: Buffer.from(jwk.x!, 'base64url'), y: Buffer.from(jwk.y!, 'base64url') };
  };
  const imports = (name: string, x: Buffer, y: Buffer) => {
    try {
      createPublicKey({ key: { kty: 'EC', crv: name, x: x.toString('base64url'), y: y.toString('base64url') }, format: 'jwk' });
      return true;
    } catch {
      return false;
    }
  };
  const toBytes = (value: bigint, length: number) => Buffer.from(value.toString(16).padStart(length * 2, '0'), 'hex');

  for (const { crv, name, bytes } of curves) {
    it(`${name}: real points pass, moved ones fail, as node:crypto's import decides`, () => {
      for (let i = 0; i < 20; i += 1) {
        const { x, y } = coordinates(name);
        expect(isEcPoint(EC2_CURVES[crv]!, x, y)).toBe(true);
        const moved = Buffer.from(y);
        moved[moved.length - 1]! ^= 1 << i % 8;
        expect(isEcPoint(EC2_CURVES[crv]!, x, moved)).toBe(imports(name, x, moved));
        expect(isEcPoint(EC2_CURVES[crv]!, x, moved)).toBe(false);
      }
      expect(isEcPoint(EC2_CURVES[crv]!, Buffer.alloc(bytes), Buffer.alloc(bytes))).toBe(false);
    });
  }

  it('P-521: a coordinate of p or more is refused though it is the same point modulo p', () => {
    const p = (1n << 521n) - 1n;
    const { x, y } = coordinates('P-521');
    const plusP = (bytes: Buffer) => toBytes(BigInt(`0x${bytes.toString('hex')}`) + p, 66);
    for (const [px, py] of [
      [x, plusP(y)],
      [plusP(x), y],
    ] as const) {
      expect(isEcPoint(EC2_CURVES[3]!, px, py)).toBe(false);
      expect(imports('P-521', px, py)).toBe(false);
    }
  });
});
