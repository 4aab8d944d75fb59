/**
 * The floor: the barest relying party that still does a real WebAuthn job, to measure the lab
 * against. Plain Hono and @simplewebauthn/server, everything in memory (Maps), the same four
 * endpoints and body shapes as the lab so the same load generator drives both:
 *
 *   POST /api/registration/options   { username, displayName? }  → { options }
 *   POST /api/registration/verify    { response }                → { verified, user }
 *   POST /api/authentication/options {}                          → { options }  (usernameless)
 *   POST /api/authentication/verify  { response }                → { verified, user }
 *
 * Like the lab it binds each challenge to a session cookie (random 32 bytes; the map is keyed
 * by its SHA-256), spends a challenge once, verifies origin, RP ID, UV, signature and counter
 * (WebAuthn §7.1 and §7.2 through @simplewebauthn), and signs in under a fresh session id.
 * No policy, no report, no log, no database: that is what the lab adds on top.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type WebAuthnCredential,
} from '@simplewebauthn/server';
import { type Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

const COOKIE = 'floor_session';
const CHALLENGE_TTL_MS = 5 * 60 * 1000;

interface Session {
  userId?: string;
  registration?: { challenge: string; userId: string; username: string; expiresAt: number };
  authentication?: { challenge: string; expiresAt: number };
}

interface User {
  id: string;
  username: string;
}

export interface FloorOptions {
  rpId: string;
  rpName?: string;
  origin: string;
}

export function createFloorServer({ rpId, rpName = 'Floor', origin }: FloorOptions) {
  const sessions = new Map<string, Session>();
  const usersByName = new Map<string, User>();
  const credentials = new Map<string, WebAuthnCredential & { userId: string }>();
  const hash = (id: string) => createHash('sha256').update(id).digest('hex');

  const sessionOf = (c: Context): Session | undefined => {
    const id = getCookie(c, COOKIE);
    return id === undefined ? undefined : sessions.get(hash(id));
  };
  const newSession = (c: Context, session: Session): Session => {
    // Signing in replaces the anonymous session (as the lab does), so the map stays flat.
    const old = getCookie(c, COOKIE);
    if (old !== undefined) sessions.delete(hash(old));
    const id = randomBytes(32).toString('base64url');
    sessions.set(hash(id), session);
    setCookie(c, COOKIE, id, { httpOnly: true, sameSite: 'Lax', path: '/' });
    return session;
  };
  const refuse = (c: Context, code: string) => c.json({ error: { code, message: code } }, 400);

  return new Hono()
    .post('/api/registration/options', async (c) => {
      const body = await c.req.json<{ username?: unknown; displayName?: unknown }>();
      if (typeof body.username !== 'string' || body.username === '') return refuse(c, 'invalid_request');
      if (usersByName.has(body.username.toLowerCase())) return refuse(c, 'username_taken');
      const userId = randomUUID();
      const options = await generateRegistrationOptions({
        rpName,
        rpID: rpId,
        userName: body.username,
        userDisplayName: typeof body.displayName === 'string' ? body.displayName : body.username,
        timeout: CHALLENGE_TTL_MS,
        authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
        supportedAlgorithmIDs: [-7, -8, -257],
      });
      const session = sessionOf(c) ?? newSession(c, {});
      session.registration = { challenge: options.challenge, userId, username: body.username, expiresAt: Date.now() + CHALLENGE_TTL_MS };
      return c.json({ options });
    })
    .post('/api/registration/verify', async (c) => {
      const { response } = await c.req.json<{ response: RegistrationResponseJSON }>();
      const session = sessionOf(c);
      const pending = session?.registration;
      if (!session || !pending || pending.expiresAt < Date.now()) return refuse(c, 'challenge_not_found');
      delete session.registration;
      try {
        const result = await verifyRegistrationResponse({
          response,
          expectedChallenge: pending.challenge,
          expectedOrigin: origin,
          expectedRPID: rpId,
          requireUserVerification: true,
        });
        if (!result.verified) return refuse(c, 'registration_invalid');
        const { credential } = result.registrationInfo;
        if (credentials.has(credential.id) || usersByName.has(pending.username.toLowerCase())) return refuse(c, 'already_registered');
        const user = { id: pending.userId, username: pending.username };
        usersByName.set(user.username.toLowerCase(), user);
        credentials.set(credential.id, { ...credential, userId: user.id });
        newSession(c, { userId: user.id });
        return c.json({ verified: true, user });
      } catch {
        return refuse(c, 'registration_invalid');
      }
    })
    .post('/api/authentication/options', async (c) => {
      const options = await generateAuthenticationOptions({ rpID: rpId, timeout: CHALLENGE_TTL_MS, userVerification: 'required' });
      const session = sessionOf(c) ?? newSession(c, {});
      session.authentication = { challenge: options.challenge, expiresAt: Date.now() + CHALLENGE_TTL_MS };
      return c.json({ options });
    })
    .post('/api/authentication/verify', async (c) => {
      const { response } = await c.req.json<{ response: AuthenticationResponseJSON }>();
      const session = sessionOf(c);
      const pending = session?.authentication;
      if (!session || !pending || pending.expiresAt < Date.now()) return refuse(c, 'challenge_not_found');
      delete session.authentication;
      const credential = credentials.get(response.id);
      if (!credential) return refuse(c, 'credential_not_found');
      try {
        const result = await verifyAuthenticationResponse({
          response,
          expectedChallenge: pending.challenge,
          expectedOrigin: origin,
          expectedRPID: rpId,
          requireUserVerification: true,
          credential,
        });
        if (!result.verified) return refuse(c, 'signature_invalid');
        credential.counter = result.authenticationInfo.newCounter;
        newSession(c, { userId: credential.userId });
        return c.json({ verified: true, user: { id: credential.userId } });
      } catch {
        return refuse(c, 'signature_invalid');
      }
    });
}
