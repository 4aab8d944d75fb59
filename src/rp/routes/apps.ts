import { Hono } from 'hono';
import { errorCodes } from '../../shared/error-codes.js';
import type { StepUpRequiredBody } from '../../shared/sign-in.js';
import type { SensitiveApp } from '../../shared/tenant.js';
import type { Env } from '../http/env.js';
import { requireUser } from '../http/session-cookie.js';
import { findCredential } from '../store/credentials.js';
import { readConditionalAccess } from '../store/tenant-settings.js';
import { toUser } from '../store/users.js';
import { signInStrength } from '../tenant/conditional-access.js';

/**
 * The demo "sensitive app" behind a conditional-access rule (in Entra ID, a policy such as
 * "require phishing-resistant MFA for the Azure portal"). Stepping up is an ordinary passkey sign-in.
 */
export const appRoutes = new Hono<Env>().get('/sensitive', (c) => {
  const { session, user } = requireUser(c);
  const { db, directory } = c.get('deps');
  const rule = readConditionalAccess(db);
  const credential = session.credential_id ? findCredential(db, session.credential_id) : undefined;
  const signedInWith = {
    method: session.method ?? 'passkey',
    userVerified: session.user_verified === 1,
    aaguid: credential?.aaguid ?? null,
    providerName: credential ? directory.lookup(credential.aaguid).name : null,
    simulated: credential?.simulated === 1,
    ...(credential?.simulated === 1 ? { simulatedBy: credential.simulated_by ?? 'attestation' } : {}),
  };
  const stepUp = signInStrength(rule, signedInWith);
  if (stepUp) {
    // The contract's error with its reason, which the SPA words the page from (docs/api.md).
    const body: StepUpRequiredBody = { error: { code: 'step_up_required', message: stepUp.message, reason: stepUp.reason } };
    return c.json(body, errorCodes.step_up_required.status);
  }
  return c.json({ app: 'Sensitive app (demo)', user: toUser(user), signedInWith, rule } satisfies SensitiveApp);
});
