import { Hono } from 'hono';
import type { SensitiveApp } from '../../shared/tenant.js';
import type { Env } from '../http/env.js';
import { RpError } from '../http/rp-error.js';
import { requireUser } from '../http/session-cookie.js';
import { findCredential } from '../store/credentials.js';
import { readConditionalAccess } from '../store/tenant-settings.js';
import { toUser } from '../store/users.js';
import { signInStrength } from '../tenant/conditional-access.js';

/**
 * The demo "sensitive app" behind a conditional-access rule (like the seed's Azure portal,
 * which requires phishing-resistant MFA). Stepping up is an ordinary passkey sign-in.
 */
export const appRoutes = new Hono<Env>().get('/sensitive', (c) => {
  const { session, user } = requireUser(c);
  const { db, directory } = c.var.deps;
  const rule = readConditionalAccess(db);
  const credential = session.credential_id ? findCredential(db, session.credential_id) : undefined;
  const signedInWith = {
    method: session.method ?? 'passkey',
    userVerified: session.user_verified === 1,
    aaguid: credential?.aaguid ?? null,
    providerName: credential ? directory.lookup(credential.aaguid).name : null,
  };
  const refusal = signInStrength(rule, signedInWith);
  if (refusal) throw new RpError('step_up_required', refusal);
  return c.json({ app: 'Sensitive app (demo)', user: toUser(user), signedInWith, rule } satisfies SensitiveApp);
});
