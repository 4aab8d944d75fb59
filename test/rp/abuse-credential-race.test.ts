/**
 * One registration response aimed at many sessions at once. With attestation "none" nothing
 * signs clientDataJSON, so a client can re-use one attestation object (one credential id) and
 * put each session's challenge into its own clientDataJSON. The credential id must still be
 * registered once: the others answer 409 credential_already_registered, never a 500.
 */
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { describe, expect, it } from 'vitest';
import { b64url, createAuthenticator, fromB64url } from '../soft-authenticator';
import { count, createWorld, expectError } from './helpers';

function withChallenge(response: RegistrationResponseJSON, challenge: string): RegistrationResponseJSON {
  const clientData = JSON.parse(fromB64url(response.response.clientDataJSON).toString('utf8')) as Record<string, unknown>;
  return { ...response, response: { ...response.response, clientDataJSON: b64url(JSON.stringify({ ...clientData, challenge })) } };
}

describe('the same credential id registered concurrently', () => {
  it('40 parallel verify calls with one attestation-none response: one account, 39 × 409 credential_already_registered', async () => {
    const world = createWorld();
    const clients = Array.from({ length: 40 }, () => world.client());
    const optionsList = await Promise.all(clients.map((client, i) => client.registrationOptions({ username: `racer${i}` })));
    const response = await createAuthenticator().register(optionsList[0]!);
    const replies = await Promise.all(clients.map((client, i) => client.verifyRegistration(withChallenge(response, optionsList[i]!.challenge))));

    expect(replies.filter((reply) => reply.status >= 500)).toEqual([]);
    expect(replies.filter((reply) => reply.status === 200)).toHaveLength(1);
    for (const reply of replies.filter((r) => r.status !== 200)) expectError(reply, 409, 'credential_already_registered');
    // Nothing half-stored: one account, one passkey, and only the winner is signed in.
    expect(count(world.db, 'users')).toBe(1);
    expect(count(world.db, 'credentials')).toBe(1);
    expect(world.db.prepare('SELECT COUNT(*) AS n FROM sessions WHERE user_id IS NOT NULL').get()).toEqual({ n: 1 });
  });
});
