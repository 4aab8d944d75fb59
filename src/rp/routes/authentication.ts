import { Hono } from 'hono';
import { authenticationOptionsRequest, authenticationVerifyRequest, type AuthenticationOptions, type Verified } from '../../shared/schemas.js';
import type { Env } from '../http/env.js';
import { ensureSession, startSignedInSession } from '../http/session-cookie.js';
import { validJson } from '../http/validate.js';
import { saveChallenge, takeChallenge } from '../store/challenges.js';
import { toCredential } from '../store/credentials.js';
import { toUser } from '../store/users.js';
import { createAuthenticationOptions, verifyAuthentication, type AuthenticationPayload } from '../webauthn/authentication.js';

export const authenticationRoutes = new Hono<Env>()
  .post('/options', validJson(authenticationOptionsRequest), async (c) => {
    const { deps } = c.var;
    const { options, payload, expiresAt } = await createAuthenticationOptions(deps, c.req.valid('json'));
    saveChallenge(deps.db, ensureSession(c).id_hash, 'authentication', { challenge: options.challenge, payload, expiresAt });
    return c.json({ options } satisfies AuthenticationOptions);
  })
  .post('/verify', validJson(authenticationVerifyRequest), async (c) => {
    const { deps, session } = c.var;
    const pending = session ? takeChallenge<AuthenticationPayload>(deps.db, session.id_hash, 'authentication') : undefined;
    const { user, credential, userVerified, report } = await verifyAuthentication(deps, pending, c.req.valid('json').response);
    startSignedInSession(c, user.id, userVerified);
    return c.json({ verified: true, user: toUser(user), credential: toCredential(credential, deps.directory), report } satisfies Verified);
  });
