import { Hono } from 'hono';
import { type Credential, type CredentialList, renameCredentialRequest } from '../../shared/schemas.js';
import type { Env } from '../http/env.js';
import { RpError } from '../http/rp-error.js';
import { requireUser } from '../http/session-cookie.js';
import { validJson } from '../http/validate.js';
import { deleteCredential, findCredential, listCredentials, renameCredential, toCredential } from '../store/credentials.js';

/** The signed-in user's passkeys. Another user's credential id answers 404 not_found. */
export const credentialRoutes = new Hono<Env>()
  .get('/', (c) => {
    const { user } = requireUser(c);
    return c.json({ credentials: listCredentials(c.get('deps').db, user.id).map((row) => toCredential(row, c.get('deps').directory)) } satisfies CredentialList);
  })
  .patch('/:id', validJson(renameCredentialRequest), (c) => {
    const { user } = requireUser(c);
    const { db } = c.get('deps');
    const id = c.req.param('id');
    if (!renameCredential(db, id, user.id, c.req.valid('json').nickname)) throw new RpError('not_found', 'You have no passkey with that id.');
    return c.json(toCredential(findCredential(db, id)!, c.get('deps').directory) satisfies Credential);
  })
  .delete('/:id', (c) => {
    const { user } = requireUser(c);
    if (!deleteCredential(c.get('deps').db, c.req.param('id'), user.id)) throw new RpError('not_found', 'You have no passkey with that id.');
    return c.body(null, 204);
  });
