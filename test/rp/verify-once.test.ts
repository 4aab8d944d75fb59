/**
 * A registration decodes its response once and verifies its attestation statement once. The
 * lab makes every check on the challenge, origin, RP ID, flags, credential id and key itself;
 * @simplewebauthn's verifyRegistrationResponse runs only for a statement to verify, once,
 * inside the trust check (which names the revocation lists it could not download). Attestation
 * "none" has no statement (it must be empty), so it never reaches the library.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as SimpleWebAuthn from '@simplewebauthn/server';
import { describe, expect, it, vi } from 'vitest';
import { createAuthenticator } from '../soft-authenticator';
import { createWorld } from './helpers';

const calls = vi.hoisted(() => ({ verifyRegistrationResponse: 0 }));
vi.mock('@simplewebauthn/server', async (importOriginal) => {
  const original = await importOriginal<typeof SimpleWebAuthn>();
  return {
    ...original,
    verifyRegistrationResponse: (...args: Parameters<typeof original.verifyRegistrationResponse>) => {
      calls.verifyRegistrationResponse++;
      return original.verifyRegistrationResponse(...args);
    },
  };
});

describe('attestation verified once per registration', () => {
  it('attestation "none": no verifyRegistrationResponse, and the report still says what the trust check found', async () => {
    const world = createWorld();
    calls.verifyRegistrationResponse = 0;
    const registered = await world.client().register(createAuthenticator(), 'alice');
    expect(calls.verifyRegistrationResponse).toBe(0);
    expect(registered.report.decoded).toMatchObject({ attestationTrust: { trust: 'not applicable', message: 'nothing to verify: no attestation' } });
  });

  it('self attestation: one verifyRegistrationResponse, trust "self"', async () => {
    const world = createWorld();
    calls.verifyRegistrationResponse = 0;
    const registered = await world.client().register(createAuthenticator(), 'alice', { overrides: { fmt: 'packed' } });
    expect(calls.verifyRegistrationResponse).toBe(1);
    expect(registered.report.decoded).toMatchObject({ attestationTrust: { trust: 'self' } });
  });

  it('packed attestation with a certificate chain: one verifyRegistrationResponse (it was two), trust from the chain', async () => {
    const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'attestation-ca');
    const attestationCertificate = {
      x5c: [new X509Certificate(readFileSync(path.join(fixtures, 'attestation.pem'))).raw],
      privateKey: createPrivateKey(readFileSync(path.join(fixtures, 'attestation.key'))),
    };
    const world = createWorld();
    calls.verifyRegistrationResponse = 0;
    // The certificate names its model's AAGUID (fixtures/attestation-ca/README.md); the statement must match it.
    const registered = await world.client().register(createAuthenticator({ aaguid: 'c0ffee00-1ab0-4a55-9e1d-0000000a77e5' }), 'alice', { overrides: { fmt: 'packed', attestationCertificate } });
    expect(calls.verifyRegistrationResponse).toBe(1);
    expect(registered.report.decoded).toMatchObject({ attestation: { fmt: 'packed', statementKind: 'basic' }, attestationTrust: { trust: 'not checked' } });
  });
});
