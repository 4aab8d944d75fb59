import { describe, expect, it } from 'vitest';
import { type Handoff, handoffSchema, sessionSchema, userSchema } from '../../src/shared/schemas';
import { createAuthenticator } from '../soft-authenticator';
import { type Client, count, createWorld, expectError, expectSignedOut, HANDOFF_TTL_MS, snapshot, type World } from './helpers';

const CHROME_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

async function createHandoff(computer: Client, body: Record<string, unknown> = { purpose: 'sign-in' }): Promise<Handoff> {
  const reply = await computer.post('/api/handoffs', body, { headers: { 'user-agent': CHROME_ON_WINDOWS } });
  expect(reply.status, reply.text).toBe(201);
  return handoffSchema.parse((reply.json as { handoff: unknown }).handoff);
}

function handoffRow(world: World, id: string) {
  return world.db.prepare('SELECT user_id, approved_at, claimed_at FROM handoffs WHERE id = ?').get(id);
}

/** A computer that started a sign-in hand-off and a phone signed in with its own passkey. */
async function signInHandoff() {
  const world = createWorld();
  const phone = world.client();
  const phoneKey = createAuthenticator();
  await phone.register(phoneKey, 'pat');
  const computer = world.client();
  const handoff = await createHandoff(computer);
  return { world, phone, phoneKey, computer, handoff };
}

describe('hand-off happy paths', () => {
  it('sign-in: the phone approves, the computer claims and is signed in under a fresh session', async () => {
    const { world, phone, computer, handoff } = await signInHandoff();
    expect(handoff).toMatchObject({
      purpose: 'sign-in',
      status: 'pending',
      username: null,
      requestedBy: { browser: 'Chrome', os: 'Windows' },
      url: `http://localhost:3000/handoff/${handoff.id}`,
      startedHere: true,
    });
    expect(handoff.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(handoff.code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(Date.parse(handoff.expiresAt) - Date.parse(handoff.createdAt)).toBe(HANDOFF_TTL_MS);

    const seenByPhone = await phone.get(`/api/handoffs/${handoff.id}`);
    expect(handoffSchema.parse((seenByPhone.json as { handoff: unknown }).handoff)).toMatchObject({ status: 'pending', startedHere: false });

    const approved = await phone.post(`/api/handoffs/${handoff.id}/approve`);
    expect(approved.status, approved.text).toBe(200);
    expect((approved.json as { handoff: Handoff }).handoff.status).toBe('approved');

    const polled = await computer.get(`/api/handoffs/${handoff.id}`);
    expect((polled.json as { handoff: Handoff }).handoff.status).toBe('approved');

    const before = computer.sessionId;
    const claimed = await computer.post(`/api/handoffs/${handoff.id}/claim`);
    expect(claimed.status, claimed.text).toBe(200);
    const body = claimed.json as { user: unknown; handoff: Handoff };
    expect(userSchema.parse(body.user).username).toBe('pat');
    expect(body.handoff.status).toBe('claimed');
    expect(computer.sessionId).toBeDefined();
    expect(computer.sessionId).not.toBe(before);
    const session = sessionSchema.parse((await computer.get('/api/session')).json);
    expect(session).toMatchObject({ user: { username: 'pat' }, method: 'handoff' });
    expect(count(world.db, 'users')).toBe(1);
  });

  it('registration: the phone creates the named account, then the computer claims it', async () => {
    const world = createWorld();
    const computer = world.client();
    const handoff = await createHandoff(computer, { purpose: 'registration', username: 'robin', displayName: 'Robin' });
    expect(handoff).toMatchObject({ purpose: 'registration', username: 'robin' });
    const phone = world.client();
    await phone.register(createAuthenticator(), 'robin', { displayName: 'Robin' });
    expect((await phone.post(`/api/handoffs/${handoff.id}/approve`)).status).toBe(200);
    const claimed = await computer.post(`/api/handoffs/${handoff.id}/claim`);
    expect(claimed.status, claimed.text).toBe(200);
    expect((claimed.json as { user: { username: string; displayName: string } }).user).toMatchObject({ username: 'robin', displayName: 'Robin' });
  });

  it('finds a hand-off by its short code, ignoring case, spaces and dashes', async () => {
    const { phone, handoff } = await signInHandoff();
    const typed = handoff.code.toLowerCase().replace('-', ' ');
    const reply = await phone.get(`/api/handoffs/by-code/${encodeURIComponent(typed)}`);
    expect(reply.status, reply.text).toBe(200);
    expect((reply.json as { handoff: Handoff }).handoff.id).toBe(handoff.id);
  });
});

describe('hand-off misuse', () => {
  it('unknown id or code → 404 handoff_not_found on read, approve and claim', async () => {
    const { phone, computer } = await signInHandoff();
    expectError(await phone.get('/api/handoffs/AAAAAAAAAAAAAAAAAAAAAA'), 404, 'handoff_not_found');
    expectError(await phone.get('/api/handoffs/by-code/ZZZZ-ZZZZ'), 404, 'handoff_not_found');
    expectError(await phone.post('/api/handoffs/AAAAAAAAAAAAAAAAAAAAAA/approve'), 404, 'handoff_not_found');
    expectError(await computer.post('/api/handoffs/AAAAAAAAAAAAAAAAAAAAAA/claim'), 404, 'handoff_not_found');
    await expectSignedOut(computer);
  });

  it('expired → reads as expired; approve and claim → 410 handoff_expired, nothing changes', async () => {
    const { world, phone, computer, handoff } = await signInHandoff();
    world.clock.advance(HANDOFF_TTL_MS);
    expect(((await phone.get(`/api/handoffs/${handoff.id}`)).json as { handoff: Handoff }).handoff.status).toBe('expired');
    const before = snapshot(world.db);
    expectError(await phone.post(`/api/handoffs/${handoff.id}/approve`), 410, 'handoff_expired');
    expectError(await computer.post(`/api/handoffs/${handoff.id}/claim`), 410, 'handoff_expired');
    expect(handoffRow(world, handoff.id)).toEqual({ user_id: null, approved_at: null, claimed_at: null });
    expect(snapshot(world.db)).toEqual(before);
    await expectSignedOut(computer);
  });

  it('approved but expired before the claim → 410 handoff_expired, computer stays signed out', async () => {
    const { world, phone, computer, handoff } = await signInHandoff();
    expect((await phone.post(`/api/handoffs/${handoff.id}/approve`)).status).toBe(200);
    world.clock.advance(HANDOFF_TTL_MS);
    expectError(await computer.post(`/api/handoffs/${handoff.id}/claim`), 410, 'handoff_expired');
    await expectSignedOut(computer);
  });

  it('double approve → 409 handoff_used; double claim → 409 handoff_used', async () => {
    const { world, phone, computer, handoff } = await signInHandoff();
    expect((await phone.post(`/api/handoffs/${handoff.id}/approve`)).status).toBe(200);
    expectError(await phone.post(`/api/handoffs/${handoff.id}/approve`), 409, 'handoff_used');
    expect((await computer.post(`/api/handoffs/${handoff.id}/claim`)).status).toBe(200);
    const sessionsAfterClaim = count(world.db, 'sessions');
    expectError(await computer.post(`/api/handoffs/${handoff.id}/claim`), 409, 'handoff_used');
    expectError(await phone.post(`/api/handoffs/${handoff.id}/approve`), 409, 'handoff_used');
    expect(count(world.db, 'sessions')).toBe(sessionsAfterClaim);
  });

  it('claim from another browser session → 403 handoff_wrong_browser, even once approved', async () => {
    const { world, phone, computer, handoff } = await signInHandoff();
    const stranger = world.client();
    await stranger.authenticationOptions(); // has a session of its own
    expectError(await stranger.post(`/api/handoffs/${handoff.id}/claim`), 403, 'handoff_wrong_browser');
    expect((await phone.post(`/api/handoffs/${handoff.id}/approve`)).status).toBe(200);
    expectError(await stranger.post(`/api/handoffs/${handoff.id}/claim`), 403, 'handoff_wrong_browser');
    expectError(await world.client().post(`/api/handoffs/${handoff.id}/claim`), 403, 'handoff_wrong_browser');
    expectError(await phone.post(`/api/handoffs/${handoff.id}/claim`), 403, 'handoff_wrong_browser');
    await expectSignedOut(stranger);
    expect(handoffRow(world, handoff.id)).toMatchObject({ claimed_at: null });
    // The rightful computer can still finish.
    expect((await computer.post(`/api/handoffs/${handoff.id}/claim`)).status).toBe(200);
  });

  it('claim before the phone approved → 409 handoff_pending', async () => {
    const { computer, handoff } = await signInHandoff();
    expectError(await computer.post(`/api/handoffs/${handoff.id}/claim`), 409, 'handoff_pending');
    await expectSignedOut(computer);
  });

  it('approve without signing in → 401 not_signed_in', async () => {
    const { world, handoff } = await signInHandoff();
    expectError(await world.client().post(`/api/handoffs/${handoff.id}/approve`), 401, 'not_signed_in');
    expect(handoffRow(world, handoff.id)).toEqual({ user_id: null, approved_at: null, claimed_at: null });
  });

  it('a registration hand-off approved by another account → 403 forbidden', async () => {
    const world = createWorld();
    const computer = world.client();
    const handoff = await createHandoff(computer, { purpose: 'registration', username: 'robin' });
    const mallory = world.client();
    await mallory.register(createAuthenticator(), 'mallory');
    expectError(await mallory.post(`/api/handoffs/${handoff.id}/approve`), 403, 'forbidden');
    expect(handoffRow(world, handoff.id)).toEqual({ user_id: null, approved_at: null, claimed_at: null });
  });

  it('a registration hand-off for a taken username → 409 username_taken, nothing stored', async () => {
    const { world, computer } = await signInHandoff();
    expectError(await computer.post('/api/handoffs', { purpose: 'registration', username: 'PAT' }), 409, 'username_taken');
    expect(world.db.prepare('SELECT count(*) AS n FROM handoffs').get()).toEqual({ n: 1 });
  });

  it.each([
    ['an unknown purpose', { purpose: 'teleport' }],
    ['registration without a username', { purpose: 'registration' }],
    ['no purpose', {}],
  ])('refuses %s (400 invalid_request)', async (_name, body) => {
    const world = createWorld();
    expectError(await world.client().post('/api/handoffs', body), 400, 'invalid_request');
    expect(world.db.prepare('SELECT count(*) AS n FROM handoffs').get()).toEqual({ n: 0 });
  });

  it('refuses a foreign Origin (403 forbidden_origin)', async () => {
    const { phone, handoff } = await signInHandoff();
    expectError(await phone.post(`/api/handoffs/${handoff.id}/approve`, undefined, { origin: 'https://phish.example' }), 403, 'forbidden_origin');
  });
});
