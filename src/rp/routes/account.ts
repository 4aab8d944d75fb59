import { Hono } from 'hono';
import { updateAccountRequest, type User } from '../../shared/schemas.js';
import type { Env } from '../http/env.js';
import { requireUser } from '../http/session-cookie.js';
import { validJson } from '../http/validate.js';
import { findUserById, toUser, updateDisplayName } from '../store/users.js';

/** The signed-in account's own details. */
export const accountRoutes = new Hono<Env>().patch('/', validJson(updateAccountRequest), (c) => {
  const { user } = requireUser(c);
  const { db } = c.get('deps');
  updateDisplayName(db, user.id, c.req.valid('json').displayName);
  return c.json(toUser(findUserById(db, user.id)!) satisfies User);
});
