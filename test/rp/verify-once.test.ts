/**
 * A registration verifies its attestation statement once: the trust check that follows reuses
 * that result when the statement has no certificates (attestation "none", self attestation)
 * instead of running @simplewebauthn's verifyRegistrationResponse a second time. With
 * certificates it still runs (its message names the revocation lists it could not download).
 */
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
  it('attestation "none": one verifyRegistrationResponse, and the report still says what the trust check found', async () => {
    const world = createWorld();
    calls.verifyRegistrationResponse = 0;
    const registered = await world.client().register(createAuthenticator(), 'alice');
    expect(calls.verifyRegistrationResponse).toBe(1);
    expect(registered.report.decoded).toMatchObject({ attestationTrust: { trust: 'not applicable', message: 'nothing to verify: no attestation' } });
  });

  it('self attestation: one verifyRegistrationResponse, trust "self"', async () => {
    const world = createWorld();
    calls.verifyRegistrationResponse = 0;
    const registered = await world.client().register(createAuthenticator(), 'alice', { overrides: { fmt: 'packed' } });
    expect(calls.verifyRegistrationResponse).toBe(1);
    expect(registered.report.decoded).toMatchObject({ attestationTrust: { trust: 'self' } });
  });
});
