import { Hono } from 'hono';
import { type AuthenticationOptions, authenticationOptionsRequest, authenticationVerifyRequest, type User, type Verified } from '../../shared/schemas.js';
import type { SignInMethod } from '../../shared/sign-in.js';
import { tapSignInRequest } from '../../shared/tenant.js';
import type { Env } from '../http/env.js';
import { logAttempt } from '../http/log-attempt.js';
import { clientAddress } from '../http/rate-limit.js';
import { jsonWithReport } from '../http/rp-error.js';
import { ensureSession, issueSignedIn, type SignedInSession, startSignedInSession, writeSignedInSession } from '../http/session-cookie.js';
import { validJson } from '../http/validate.js';
import { toCredential } from '../store/credentials.js';
import { toUser } from '../store/users.js';
import { redeemTap } from '../tenant/temporary-access-pass.js';
import { type AuthenticationPayload, createAuthenticationOptions, verifyAuthentication } from '../webauthn/authentication.js';

export const authenticationRoutes = new Hono<Env>()
  .post('/options', validJson(authenticationOptionsRequest), async (c) => {
    const deps = c.get('deps');
    const { options, payload, expiresAt } = await createAuthenticationOptions(deps, c.req.valid('json'));
    deps.pending.saveChallenge(ensureSession(c).id_hash, 'authentication', { challenge: options.challenge, payload, expiresAt }, deps.now());
    return c.json({ options } satisfies AuthenticationOptions);
  })
  .post('/verify', validJson(authenticationVerifyRequest), async (c) => {
    const deps = c.get('deps');
    const session = c.get('session');
    const pending = session ? deps.pending.takeChallenge<AuthenticationPayload>(session.id_hash, 'authentication') : undefined;
    // The challenge is spent above (right or wrong, it is gone); everything a successful
    // sign-in writes — counter, new session, log entry — is one transaction.
    let signedIn: SignedInSession | undefined;
    const { user, credential, reportJson } = await logAttempt(c, { ceremony: 'authentication', method: 'passkey' }, (subject, log) =>
      verifyAuthentication(deps, pending, c.req.valid('json').response, Object.assign(subject, { claimedSimulated: c.req.valid('json').device?.simulated === true }), (writes) =>
        log.commit(() => {
          const verified = writes();
          signedIn = writeSignedInSession(c, { userId: verified.user.id, userVerified: verified.userVerified, method: 'passkey', credentialId: verified.credential.id });
          return verified;
        }),
      ),
    );
    issueSignedIn(c, signedIn!);
    return jsonWithReport(c, { verified: true, user: toUser(user), credential: toCredential(credential, deps.directory) } satisfies Omit<Verified, 'report'>, reportJson);
  })
  // Onboarding: a Temporary Access Pass signs in someone who has no passkey yet (not phishing-resistant).
  .post('/temporary-access-pass', validJson(tapSignInRequest), async (c) => {
    const { username, code } = c.req.valid('json');
    const user = await logAttempt(c, { ceremony: 'temporaryAccessPass', method: 'temporaryAccessPass' }, async (subject) => {
      subject.username = username;
      return redeemTap(c.get('deps'), username, code, subject, clientAddress(c));
    });
    startSignedInSession(c, { userId: user.id, userVerified: false, method: 'temporaryAccessPass' });
    return c.json({ user: toUser(user), method: 'temporaryAccessPass' } satisfies { user: User; method: SignInMethod });
  });
