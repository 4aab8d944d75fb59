/**
 * Two assertions of a cloned authenticator with the same counter, verified at the same time:
 * both read the stored counter before either stores its own, so only the store itself can
 * refuse the second (WebAuthn §7.2 step 22, checked again inside the sign-in's transaction).
 */
import { expect, it, vi } from 'vitest';
import type * as AssertionSignature from '../../src/rp/webauthn/assertion-signature';
import { createAuthenticator } from '../soft-authenticator';
import { count, createWorld, credentialRow } from './helpers';

// Holds each signature check until `size` of them are in flight, so that every sign-in has read
// the stored counter before any of them commits.
const gate = vi.hoisted(() => ({ size: 1, waiting: [] as (() => void)[] }));
vi.mock('../../src/rp/webauthn/assertion-signature', async (importOriginal) => {
  const original = await importOriginal<typeof AssertionSignature>();
  return {
    ...original,
    verifyAssertionSignature: async (...args: Parameters<typeof original.verifyAssertionSignature>) => {
      const valid = await original.verifyAssertionSignature(...args);
      await new Promise<void>((resolve) => {
        gate.waiting.push(resolve);
        if (gate.waiting.length >= gate.size) for (const release of gate.waiting.splice(0)) release();
      });
      return valid;
    },
  };
});

it('of two parallel sign-ins with the same counter, one signs in and the other is refused counter_regression', async () => {
  const world = createWorld();
  const key = createAuthenticator();
  const alice = await world.client().register(key, 'alice');
  const sessionsBefore = count(world.db, 'sessions');
  const [first, second] = [world.client(), world.client()];
  const assertions = await Promise.all([first, second].map(async (client) => key.authenticate(await client.authenticationOptions(), { counter: 5 })));

  gate.size = 2;
  const replies = await Promise.all([first.verifyAuthentication(assertions[0]!), second.verifyAuthentication(assertions[1]!)]);
  const outcomes = replies.map((reply) => (reply.status === 200 ? 'signed in' : (reply.json as { error: { code: string } }).error.code)).sort();
  expect(outcomes).toEqual(['counter_regression', 'signed in']);
  expect(credentialRow(world.db, alice.credential.id)?.counter).toBe(5);
  expect(count(world.db, 'sessions')).toBe(sessionsBefore + 1);
});
