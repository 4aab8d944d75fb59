import { Hono } from 'hono';
import { createHandoffRequest, type Handoff, type User } from '../../shared/schemas.js';
import { describeUserAgent } from '../../shared/user-agent.js';
import { usernameKey } from '../../shared/usernames.js';
import type { Env } from '../http/env.js';
import { RpError } from '../http/rp-error.js';
import { ensureSession, requireUser, startSignedInSession } from '../http/session-cookie.js';
import { validJson } from '../http/validate.js';
import {
  approveHandoff,
  claimHandoff,
  findHandoff,
  findHandoffByCode,
  HANDOFF_TTL_MS,
  type HandoffRow,
  handoffStatus,
  insertHandoff,
  newHandoffCode,
  newHandoffId,
  toHandoff,
} from '../store/handoffs.js';
import { findUserById, toUser, usernameConflict } from '../store/users.js';

function existing(row: HandoffRow | undefined): HandoffRow {
  if (!row) throw new RpError('handoff_not_found');
  return row;
}

function refuseUnlessStatus(row: HandoffRow, now: number, wanted: Handoff['status']): void {
  const status = handoffStatus(row, now);
  if (status === wanted) return;
  if (status === 'expired') throw new RpError('handoff_expired');
  if (status === 'claimed' || (wanted === 'pending' && status === 'approved')) throw new RpError('handoff_used');
  throw new RpError('handoff_pending');
}

/**
 * The lab's two-device hand-off: the computer creates it and shows a QR code; the phone
 * opens it, completes a real passkey ceremony of its own and approves; the computer (and
 * only the browser session that created it) claims it and is signed in. Unlike the real
 * hybrid transport there is no Bluetooth proximity check — a phishing page could relay the
 * link — which is why the pages teach it as a demo tool, not a security feature.
 */
export const handoffRoutes = new Hono<Env>()
  .post('/', validJson(createHandoffRequest), (c) => {
    const { config, db, now } = c.get('deps');
    const request = c.req.valid('json');
    const conflict = request.purpose === 'registration' ? usernameConflict(db, request.username) : undefined;
    if (conflict) throw new RpError(conflict);
    const origin = c.req.header('origin');
    const createdAt = now();
    const row: HandoffRow = {
      id: newHandoffId(),
      code: newHandoffCode(),
      purpose: request.purpose,
      username: request.purpose === 'registration' ? request.username : null,
      display_name: request.purpose === 'registration' ? request.displayName || request.username : null,
      creator_session_hash: ensureSession(c).id_hash,
      ...describeUserAgent(c.req.header('user-agent') ?? ''),
      origin: origin && config.origins.includes(origin) ? origin : config.origins[0]!,
      user_id: null,
      created_at: createdAt,
      expires_at: createdAt + HANDOFF_TTL_MS,
      approved_at: null,
      claimed_at: null,
    };
    insertHandoff(db, row);
    return c.json({ handoff: toHandoff(row, createdAt, row.creator_session_hash) }, 201);
  })
  .get('/by-code/:code', (c) => {
    const { db, now } = c.get('deps');
    return c.json({ handoff: toHandoff(existing(findHandoffByCode(db, c.req.param('code'))), now(), c.get('session')?.id_hash) });
  })
  .get('/:id', (c) => {
    const { db, now } = c.get('deps');
    return c.json({ handoff: toHandoff(existing(findHandoff(db, c.req.param('id'))), now(), c.get('session')?.id_hash) });
  })
  // The phone, signed in by its own passkey ceremony, vouches for the computer.
  .post('/:id/approve', (c) => {
    const { db, now } = c.get('deps');
    const row = existing(findHandoff(db, c.req.param('id')));
    const { user, session } = requireUser(c);
    // Only a user-verified passkey sign-in vouches: the computer's session will count as one
    // (a Temporary Access Pass sign-in must not turn into a phishing-resistant session there).
    if (session.user_verified !== 1) {
      throw new RpError('forbidden', 'Sign in on this device with a passkey first: a Temporary Access Pass sign-in cannot approve another device.');
    }
    refuseUnlessStatus(row, now(), 'pending');
    if (row.purpose === 'registration' && (row.username === null || usernameKey(row.username) !== usernameKey(user.username))) {
      throw new RpError('forbidden', `This hand-off creates the account “${row.username}”, but you are signed in as “${user.username}”.`);
    }
    if (!approveHandoff(db, row.id, user.id, now())) throw new RpError('handoff_used');
    return c.json({ handoff: toHandoff(findHandoff(db, row.id)!, now(), c.get('session')?.id_hash) });
  })
  // The computer that created it, and only that browser session, finishes the sign-in.
  .post('/:id/claim', (c) => {
    const { db, now } = c.get('deps');
    const row = existing(findHandoff(db, c.req.param('id')));
    // Once claimed, the creator's session id has changed (fresh session at sign-in): say "used".
    if (row.claimed_at !== null) throw new RpError('handoff_used');
    if (c.get('session')?.id_hash !== row.creator_session_hash) throw new RpError('handoff_wrong_browser');
    refuseUnlessStatus(row, now(), 'approved');
    const user = row.user_id ? findUserById(db, row.user_id) : undefined;
    if (!user || !claimHandoff(db, row.id, now())) throw new RpError('handoff_used');
    startSignedInSession(c, { userId: user.id, userVerified: true, method: 'handoff' });
    return c.json({ user: toUser(user), handoff: toHandoff(findHandoff(db, row.id)!, now(), row.creator_session_hash) } satisfies { user: User; handoff: Handoff });
  });
