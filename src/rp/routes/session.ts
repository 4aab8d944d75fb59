import { Hono } from 'hono';
import type { Session } from '../../shared/schemas.js';
import type { Env } from '../http/env.js';
import { endSession, requireUser } from '../http/session-cookie.js';
import { isAdmin, toUser } from '../store/users.js';

export const sessionRoutes = new Hono<Env>()
  .get('/', (c) => {
    const { session, user } = requireUser(c);
    return c.json({
      user: toUser(user),
      userHandle: user.user_handle,
      method: session.method ?? 'passkey',
      signedInAt: session.signed_in_at ?? new Date(c.get('deps').now()).toISOString(),
      userVerified: session.user_verified === 1,
      isAdmin: isAdmin(user, c.get('deps').config.adminUsernames),
    } satisfies Session);
  })
  .delete('/', (c) => {
    endSession(c);
    return c.body(null, 204);
  });
