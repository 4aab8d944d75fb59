import { Hono } from 'hono';
import { type RegistrationOptions, registrationOptionsRequest, registrationVerifyRequest, type Verified } from '../../shared/schemas.js';
import type { SignInMethod } from '../../shared/sign-in.js';
import type { Env } from '../http/env.js';
import { appendAttempt, logAttempt } from '../http/log-attempt.js';
import { jsonWithReport, RpError } from '../http/rp-error.js';
import { ensureSession, issueSignedIn, type SignedInSession, writeSignedInSession } from '../http/session-cookie.js';
import { validJson } from '../http/validate.js';
import { toCredential } from '../store/credentials.js';
import { findUserById, toUser, usernameConflict } from '../store/users.js';
import { recentSignInRefusal } from '../tenant/recent-sign-in.js';
import { createRegistrationOptions, type RegistrationPayload, verifyRegistration } from '../webauthn/registration.js';

/** With self-service off, only a session that signed in with a Temporary Access Pass may register. */
const TAP_METHOD: SignInMethod = 'temporaryAccessPass';
const POLICY_GATE_CODES = new Set<string>(['policy_disabled', 'not_in_policy_scope', 'self_service_not_allowed']);

export const registrationRoutes = new Hono<Env>()
  .post('/options', validJson(registrationOptionsRequest), async (c) => {
    const deps = c.get('deps');
    const session = c.get('session');
    const account = session?.user_id ? findUserById(deps.db, session.user_id) : undefined;
    const request = c.req.valid('json');
    // Adding a passkey to a signed-in account needs a recent strong sign-in (Entra's five minutes);
    // a refusal is an attempt the sign-in log shows.
    const stale = account && session ? recentSignInRefusal(deps, session) : undefined;
    if (account && stale) {
      appendAttempt(c, { ceremony: 'registration', method: 'passkey' }, { userId: account.id, username: account.username }, stale.code);
      throw stale;
    }
    // A new account's name must differ from every other as people read it (src/shared/usernames.ts).
    const conflict = account ? undefined : usernameConflict(deps.db, request.username);
    if (conflict) throw new RpError(conflict);
    const { options, payload, expiresAt } = await createRegistrationOptions(deps, request, account, { startedWithTap: session?.method === TAP_METHOD }).catch(
      (error: unknown) => {
        // The tenant policy refused before any ceremony: still an attempt the sign-in log shows.
        if (error instanceof RpError && POLICY_GATE_CODES.has(error.code)) {
          appendAttempt(c, { ceremony: 'registration', method: 'passkey' }, { userId: account?.id ?? null, username: account?.username ?? request.username }, error.code);
        }
        throw error;
      },
    );
    deps.pending.saveChallenge(ensureSession(c).id_hash, 'registration', { challenge: options.challenge, payload, expiresAt }, deps.now());
    return c.json({ options } satisfies RegistrationOptions);
  })
  .post('/verify', validJson(registrationVerifyRequest), async (c) => {
    const deps = c.get('deps');
    const session = c.get('session');
    // `device`: practice mode's claim that a simulated device answered (a label only, never trust).
    const { response, nickname, device } = c.req.valid('json');
    const pending = session ? deps.pending.takeChallenge<RegistrationPayload>(session.id_hash, 'registration') : undefined;
    // The account, the passkey, the new session and the log entry: one transaction.
    let signedIn: SignedInSession | undefined;
    const { user, credential, reportJson } = await logAttempt(c, { ceremony: 'registration', method: 'passkey' }, (subject, log) =>
      verifyRegistration(deps, pending, response, nickname, { claimedSimulated: device?.simulated === true,
        startedWithTap: session?.method === TAP_METHOD,
        subject,
        commit: (writes) =>
          log.commit(() => {
            const verified = writes();
            // A new account is a sign-in (fresh session id); adding a passkey keeps the session.
            if (!pending!.payload.existingUser) {
              signedIn = writeSignedInSession(c, { userId: verified.user.id, userVerified: verified.userVerified, method: 'passkey', credentialId: verified.credential.id });
            }
            return verified;
          }),
      }),
    );
    if (signedIn) issueSignedIn(c, signedIn);
    return jsonWithReport(c, { verified: true, user: toUser(user), credential: toCredential(credential, deps.directory) } satisfies Omit<Verified, 'report'>, reportJson);
  });
