import { Hono } from 'hono';
import type { RpConfig } from './config.js';
import type { Deps, Env } from './http/env.js';
import { jsonBodiesOnly, limitBodySize, limitJsonNesting, sameOriginOnly } from './http/guards.js';
import { answerAnyThrow, answerError, errorResponse } from './http/rp-error.js';
import { API_CSP, securityHeaders } from './http/security-headers.js';
import { loadSession } from './http/session-cookie.js';
import { loadAuthenticatorDirectory } from './metadata/directory.js';
import { accountRoutes } from './routes/account.js';
import { adminRoutes } from './routes/admin.js';
import { adminRecoveryRoutes } from './routes/admin-recovery.js';
import { adminRolloutRoutes } from './routes/admin-rollout.js';
import { appRoutes } from './routes/apps.js';
import { authenticationRoutes } from './routes/authentication.js';
import { credentialRoutes } from './routes/credentials.js';
import { handoffRoutes } from './routes/handoffs.js';
import { createInspectRoutes } from './routes/inspect.js';
import { metadataRoutes } from './routes/metadata.js';
import { registrationRoutes } from './routes/registration.js';
import { registrationCampaignRoutes } from './routes/registration-campaign.js';
import { sessionRoutes } from './routes/session.js';
import { simulatorAdminRoutes, simulatorRoutes } from './routes/simulator.js';
import { wellKnownRoutes } from './routes/well-known.js';
import type { Db } from './store/database.js';
import { PendingStore } from './store/pending.js';

/**
 * The demo relying party: every route under /api, errors in the contract's shape
 * (`{ error: { code, message } }`), never a stack trace.
 */
export function createApp({ config, db, now = Date.now, pending = new PendingStore() }: { config: RpConfig; db: Db; now?: () => number; pending?: PendingStore }) {
  const { directory, problems } = loadAuthenticatorDirectory(config);
  for (const problem of problems) console.warn('[relying party] authenticator metadata:', problem);
  const deps: Deps = { config, db, now, directory, metadataProblems: problems, pending };
  const api = new Hono<Env>()
    .use(answerAnyThrow)
    .use(async (c, next) => {
      c.set('deps', deps);
      await next();
    })
    .use(sameOriginOnly(config.origins), jsonBodiesOnly, limitBodySize, limitJsonNesting, loadSession)
    .route('/registration', registrationRoutes)
    .route('/authentication', authenticationRoutes)
    .route('/session', sessionRoutes)
    .route('/credentials', credentialRoutes)
    .route('/handoffs', handoffRoutes)
    .route('/account', accountRoutes)
    .route('/inspect', createInspectRoutes(directory))
    .route('/metadata', metadataRoutes)
    .route('/simulator', simulatorRoutes)
    .route('/admin/simulator', simulatorAdminRoutes)
    .route('/admin/users', adminRecoveryRoutes)
    .route('/admin', adminRolloutRoutes)
    .route('/admin', adminRoutes)
    .route('/apps', appRoutes)
    .route('/registration-campaign', registrationCampaignRoutes)
    .all('*', (c) => errorResponse(c, 'not_found', 'There is no API endpoint at this address.'));

  // Never throws, never answers anything but the contract's JSON error body.
  api.onError((error, c) => answerError(c, error));

  const apiHeaders = securityHeaders(API_CSP);
  return new Hono()
    .use('/api/*', apiHeaders)
    .use('/.well-known/*', apiHeaders)
    .route('/', wellKnownRoutes(config.relatedOrigins))
    .route('/api', api)
    // An address outside /api (`/api/%2e%2e` is `/` once the URL is parsed) is still the contract's 404.
    .notFound((c) => errorResponse(c, 'not_found', 'There is no API endpoint at this address.'));
}

export type AppType = ReturnType<typeof createApp>;
