/**
 * The recovery drill's admin side ("I lost my phone"; docs/api.md, "Recovery: a person's
 * passkeys"): the admin lists a person's passkeys and removes the lost one. It stops working at
 * once — the credential is gone, so a sign-in with it answers credential_not_found — and the
 * sessions it signed in end with it. Microsoft Entra ID's account recovery goes the same way:
 * verify the person, remove the lost method, issue a Temporary Access Pass, re-enrol
 * (Microsoft Learn, concept-account-recovery-overview).
 */
import { Hono } from 'hono';
import type { CredentialList } from '../../shared/schemas.js';
import type { Env } from '../http/env.js';
import { appendAttempt } from '../http/log-attempt.js';
import { RpError } from '../http/rp-error.js';
import { requireAdmin } from '../http/session-cookie.js';
import { deleteCredential, findCredential, listCredentials, toCredential } from '../store/credentials.js';
import type { Db } from '../store/database.js';
import { deleteSessionsSignedInBy } from '../store/sessions.js';
import { findUserById, type UserRow } from '../store/users.js';

/** The sign-in log's `result` for a passkey an admin removed (logged as a `registration` entry). */
export const REMOVED_BY_ADMIN = 'removed_by_admin';

function existingUser(db: Db, id: string): UserRow {
  const user = findUserById(db, id);
  if (!user) throw new RpError('not_found', 'There is no user with this id.');
  return user;
}

export const adminRecoveryRoutes = new Hono<Env>()
  .use(async (c, next) => {
    requireAdmin(c);
    await next();
  })
  .get('/:userId/passkeys', (c) => {
    const { db, directory } = c.get('deps');
    const user = existingUser(db, c.req.param('userId'));
    return c.json({ credentials: listCredentials(db, user.id).map((row) => toCredential(row, directory)) } satisfies CredentialList);
  })
  .delete('/:userId/passkeys/:credentialId', (c) => {
    const { db } = c.get('deps');
    const user = existingUser(db, c.req.param('userId'));
    const credentialId = c.req.param('credentialId');
    const row = findCredential(db, credentialId);
    if (!row || row.user_id !== user.id) throw new RpError('not_found', 'This person has no passkey with that id.');
    db.transaction(() => {
      deleteCredential(db, credentialId, user.id);
      deleteSessionsSignedInBy(db, user.id, credentialId);
      appendAttempt(
        c,
        { ceremony: 'registration', method: 'passkey' },
        { userId: user.id, username: user.username, credentialId, aaguid: row.aaguid, simulated: row.simulated === 1 },
        REMOVED_BY_ADMIN,
      );
    })();
    return c.body(null, 204);
  });
