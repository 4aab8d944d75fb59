/**
 * Test harness for the relying party: a fresh in-memory app per test, a mutable clock,
 * a "browser" client that keeps the session cookie, ceremony shortcuts and the
 * "nothing was stored" snapshot.
 */
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { expect } from 'vitest';
import { createApp } from '../../src/rp/app';
import type { RpConfig } from '../../src/rp/config';
import { SESSION_COOKIE } from '../../src/rp/http/session-cookie';
import { openDatabase } from '../../src/rp/store/database';
import { PendingStore } from '../../src/rp/store/pending';
import { type ErrorCode, errorCodes } from '../../src/shared/error-codes';
import { CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID, type Fido2Policy, type Fido2PolicyPatchInput, MICROSOFT_AUTHENTICATOR_AAGUIDS } from '../../src/shared/policy';
import { type CeremonyReport, type Verified, verifiedSchema } from '../../src/shared/schemas';
import type { Group, IssuedTap } from '../../src/shared/tenant';
import { type AuthenticateOverrides, type AuthenticatorOptions, createAuthenticator, type RegisterOverrides, type SoftAuthenticator } from '../soft-authenticator';

export const ORIGIN = 'http://localhost:3000';
// The relying party's own constants, re-exported for the tests (one home: src).
export { SESSION_COOKIE };
export { HANDOFF_TTL_MS } from '../../src/rp/store/handoffs';
export { CHALLENGE_TTL_MS } from '../../src/rp/webauthn/constants';

export const testConfig = (): RpConfig => ({
  rpId: 'localhost',
  rpName: 'Passkey Lab',
  origins: [ORIGIN],
  port: 3000,
  databasePath: ':memory:',
  secureCookies: false,
  relatedOrigins: [],
  adminUsernames: [],
});

type Db = ReturnType<typeof openDatabase>;
type App = ReturnType<typeof createApp>;

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  json: unknown;
  setCookies: ParsedCookie[];
}

export interface ParsedCookie {
  name: string;
  value: string;
  attributes: Record<string, string | true>;
}

export function parseSetCookie(header: string): ParsedCookie {
  const [pair = '', ...rest] = header.split(';');
  const eq = pair.indexOf('=');
  const attributes: Record<string, string | true> = {};
  for (const part of rest) {
    const [key = '', ...value] = part.trim().split('=');
    attributes[key.toLowerCase()] = value.length ? value.join('=') : true;
  }
  return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), attributes };
}

function isCookieRemoval(cookie: ParsedCookie): boolean {
  const maxAge = cookie.attributes['max-age'];
  const expires = cookie.attributes.expires;
  return (
    cookie.value === '' ||
    (typeof maxAge === 'string' && Number(maxAge) <= 0) ||
    (typeof expires === 'string' && Date.parse(expires) <= Date.now())
  );
}

export interface RequestOptions {
  /** JSON-serialised unless `raw` is given. */
  body?: unknown;
  /** Send this exact body text (for malformed JSON, wrong content types, huge bodies). */
  raw?: string;
  headers?: Record<string, string>;
  /** `Origin` header; default the allowed origin on state-changing requests, `null` for none. */
  origin?: string | null;
  /** Stream the body chunked, without Content-Length (like a client that does not declare it). */
  chunked?: boolean;
}

function chunkedStream(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const chunk = 16 * 1024;
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + chunk));
      offset += chunk;
    },
  });
}

/** A browser stand-in: sends Origin and JSON like the SPA would and keeps its cookies. */
export class Client {
  readonly cookies = new Map<string, string>();

  constructor(private readonly app: App) {}

  get sessionId(): string | undefined {
    return this.cookies.get(SESSION_COOKIE);
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<Reply> {
    const headers = new Headers(options.headers);
    const stateChanging = !['GET', 'HEAD', 'OPTIONS'].includes(method);
    const origin = options.origin === undefined ? (stateChanging ? ORIGIN : null) : options.origin;
    if (origin !== null && !headers.has('origin')) headers.set('origin', origin);
    let body: string | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) {
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
      // A real HTTP client declares the length or chunks the body; app.request() alone would do neither.
      if (options.chunked) headers.set('transfer-encoding', 'chunked');
      else if (!headers.has('content-length')) headers.set('content-length', String(Buffer.byteLength(body)));
    }
    if (this.cookies.size) {
      headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const init: RequestInit & { duplex?: 'half' } =
      options.chunked && body !== undefined
        ? { method, headers, body: chunkedStream(body), duplex: 'half' }
        : { method, headers, body };
    const response = await this.app.request(`http://localhost:3000${path}`, init);
    const setCookies = response.headers.getSetCookie().map(parseSetCookie);
    for (const cookie of setCookies) {
      if (isCookieRemoval(cookie)) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json, setCookies };
  }

  get(path: string, options?: RequestOptions) {
    return this.request('GET', path, options);
  }
  post(path: string, body?: unknown, options?: RequestOptions) {
    return this.request('POST', path, { ...options, body });
  }
  patch(path: string, body?: unknown, options?: RequestOptions) {
    return this.request('PATCH', path, { ...options, body });
  }
  delete(path: string, options?: RequestOptions) {
    return this.request('DELETE', path, options);
  }

  // ---- ceremonies -------------------------------------------------------------------------

  async registrationOptions(body: Record<string, unknown>): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const reply = await this.post('/api/registration/options', body);
    expect(reply.status, reply.text).toBe(200);
    return (reply.json as { options: PublicKeyCredentialCreationOptionsJSON }).options;
  }

  async authenticationOptions(body: Record<string, unknown> = {}): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const reply = await this.post('/api/authentication/options', body);
    expect(reply.status, reply.text).toBe(200);
    return (reply.json as { options: PublicKeyCredentialRequestOptionsJSON }).options;
  }

  verifyRegistration(response: RegistrationResponseJSON, extra: Record<string, unknown> = {}) {
    return this.post('/api/registration/verify', { response, ...extra });
  }

  verifyAuthentication(response: AuthenticationResponseJSON) {
    return this.post('/api/authentication/verify', { response });
  }

  /** Full registration that must succeed; returns the verified body. */
  async register(
    authenticator: SoftAuthenticator,
    username: string,
    extra: { displayName?: string; hint?: string; nickname?: string; overrides?: RegisterOverrides } = {},
  ): Promise<Verified> {
    const { overrides, nickname, ...optionsBody } = extra;
    const options = await this.registrationOptions({ username, ...optionsBody });
    const reply = await this.verifyRegistration(await authenticator.register(options, overrides), nickname ? { nickname } : {});
    expect(reply.status, reply.text).toBe(200);
    return verifiedSchema.parse(reply.json);
  }

  /** Full sign-in that must succeed; returns the verified body. */
  async signIn(authenticator: SoftAuthenticator, username?: string, overrides?: AuthenticateOverrides): Promise<Verified> {
    const options = await this.authenticationOptions(username ? { username } : {});
    const reply = await this.verifyAuthentication(await authenticator.authenticate(options, overrides));
    expect(reply.status, reply.text).toBe(200);
    return verifiedSchema.parse(reply.json);
  }

  signOut() {
    return this.delete('/api/session');
  }
}

// ---- the test world -------------------------------------------------------------------------

export interface World {
  app: App;
  db: Db;
  /** Anonymous sessions and pending ceremonies (the relying party keeps them in memory). */
  pending: PendingStore;
  config: RpConfig;
  clock: { now: number; advance(ms: number): void };
  client(): Client;
}

export function createWorld(config: RpConfig = testConfig()): World {
  const db = openDatabase(':memory:');
  const clock = {
    now: Date.now(),
    advance(ms: number) {
      this.now += ms;
    },
  };
  const pending = new PendingStore();
  const app = createApp({ config, db, now: () => clock.now, pending });
  return { app, db, pending, config, clock, client: () => new Client(app) };
}

// ---- assertions -----------------------------------------------------------------------------

/**
 * Status, JSON content type, the `{ error: { code, message } }` shape and the specific code.
 * The contract lets the RP add fields (e.g. a ceremony `report` beside `error`), so extra keys
 * are tolerated; `code` and a non-empty `message` are required.
 */
export function expectError(reply: Reply, status: number, code: ErrorCode): void {
  expect({ status: reply.status, body: reply.json ?? reply.text }).toMatchObject({ status, body: { error: { code } } });
  expect(errorCodes[code].status).toBe(status);
  expect(reply.headers.get('content-type') ?? '').toMatch(/^application\/json/);
  const error = (reply.json as { error: Record<string, unknown> }).error;
  expect(typeof error.message).toBe('string');
  expect((error.message as string).trim().length).toBeGreaterThan(0);
  expect(reply.text).not.toMatch(/<html|\bat .+\(.+:\d+:\d+\)/i);
}

export interface Snapshot {
  users: unknown[];
  credentials: unknown[];
  signedInSessions: unknown[];
}

/** Everything a refused ceremony must leave alone. */
export function snapshot(db: Db): Snapshot {
  return {
    users: db.prepare('SELECT id, username, display_name, user_handle FROM users ORDER BY id').all(),
    credentials: db
      .prepare('SELECT id, user_id, counter, nickname, last_used_at, backed_up, public_key FROM credentials ORDER BY id')
      .all(),
    signedInSessions: db.prepare('SELECT id_hash, user_id FROM sessions WHERE user_id IS NOT NULL ORDER BY id_hash').all(),
  };
}

export type Table =
  | 'users'
  | 'credentials'
  | 'sessions'
  | 'groups'
  | 'group_members'
  | 'temporary_access_passes'
  | 'tap_failures'
  | 'sign_in_log'
  | 'tenant_settings';

export function count(db: Db, table: Table): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** EXPLAIN QUERY PLAN's details for `sql`, its parameters (positional or @named) bound to null. */
export function queryPlan(db: Db, sql: string): string[] {
  const named = [...new Set([...sql.matchAll(/@(\w+)/g)].map((match) => match[1]!))];
  const positional = (sql.replace(/'[^']*'/g, '').match(/\?/g) ?? []).length;
  const explain = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (named.length ? explain.all(Object.fromEntries(named.map((name) => [name, null]))) : explain.all(...Array.from({ length: positional }, () => null))) as {
    detail: string;
  }[];
  return rows.map((row) => row.detail);
}

export function credentialRow(db: Db, id: string): { counter: number; last_used_at: string | null; nickname: string; user_id: string } | undefined {
  return db.prepare('SELECT counter, last_used_at, nickname, user_id FROM credentials WHERE id = ?').get(id) as
    | { counter: number; last_used_at: string | null; nickname: string; user_id: string }
    | undefined;
}

/** The client is not signed in (GET /api/session answers 401 not_signed_in). */
export async function expectSignedOut(client: Client): Promise<void> {
  expectError(await client.get('/api/session'), 401, 'not_signed_in');
}

// ---- the tenant ---------------------------------------------------------------------------

export const MICROSOFT_IOS: string = MICROSOFT_AUTHENTICATOR_AAGUIDS.iOS;
export const MICROSOFT_ANDROID: string = MICROSOFT_AUTHENTICATOR_AAGUIDS.Android;
export const CHROMIUM_VIRTUAL: string = CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID;

export interface Tenant extends World {
  /** The first account: the tenant admin, signed in with `adminKey`. */
  admin: Client;
  adminKey: SoftAuthenticator;
}

/** A world whose first account, `admin`, is registered and signed in (and so the tenant admin). */
export async function createTenant(config: RpConfig = testConfig()): Promise<Tenant> {
  const world = createWorld(config);
  const admin = world.client();
  const adminKey = createAuthenticator();
  await admin.register(adminKey, 'admin');
  return { ...world, admin, adminKey };
}

/** A new browser that registers `username` with a new soft authenticator (which must succeed). */
export async function newUser(world: World, username: string, settings: AuthenticatorOptions = {}, overrides?: RegisterOverrides) {
  const client = world.client();
  const key = createAuthenticator(settings);
  const verified = await client.register(key, username, overrides ? { overrides } : {});
  return { client, key, user: verified.user, credential: verified.credential };
}

/** PATCH /api/admin/policy, which must succeed; returns the new document. */
export async function patchPolicy(admin: Client, patch: Fido2PolicyPatchInput | Record<string, unknown>): Promise<Fido2Policy> {
  const reply = await admin.patch('/api/admin/policy', patch);
  expect(reply.status, reply.text).toBe(200);
  return reply.json as Fido2Policy;
}

export async function getPolicy(admin: Client): Promise<Fido2Policy> {
  const reply = await admin.get('/api/admin/policy');
  expect(reply.status, reply.text).toBe(200);
  return reply.json as Fido2Policy;
}

/** The default profile's key restrictions replaced (everything else as stored). */
export async function restrictKeys(admin: Client, enforcementType: 'allow' | 'block', aaGuids: string[], profile: Record<string, unknown> = {}): Promise<Fido2Policy> {
  const current = await getPolicy(admin);
  const [first, ...rest] = current.passkeyProfiles;
  return patchPolicy(admin, { passkeyProfiles: [{ ...first!, keyRestrictions: { isEnforced: true, enforcementType, aaGuids }, ...profile }, ...rest] });
}

/** The default profile changed (everything else as stored). */
export async function changeDefaultProfile(admin: Client, profile: Record<string, unknown>): Promise<Fido2Policy> {
  const current = await getPolicy(admin);
  const [first, ...rest] = current.passkeyProfiles;
  return patchPolicy(admin, { passkeyProfiles: [{ ...first!, ...profile }, ...rest] });
}

/** POST /api/admin/groups, then adds the members; returns the group. */
export async function createGroup(admin: Client, displayName: string, members: string[] = []): Promise<Group> {
  const created = await admin.post('/api/admin/groups', { displayName });
  expect(created.status, created.text).toBe(201);
  let group = created.json as Group;
  for (const username of members) {
    const added = await admin.post(`/api/admin/groups/${group.id}/members`, { username });
    expect(added.status, added.text).toBe(200);
    group = added.json as Group;
  }
  return group;
}

/** POST /api/admin/temporary-access-passes, which must succeed. */
export async function issueTap(admin: Client, body: Record<string, unknown>): Promise<IssuedTap> {
  const reply = await admin.post('/api/admin/temporary-access-passes', body);
  expect(reply.status, reply.text).toBe(201);
  return reply.json as IssuedTap;
}

export function signInWithTap(client: Client, username: string, code: string, options?: RequestOptions): Promise<Reply> {
  return client.post('/api/authentication/temporary-access-pass', { username, code }, options);
}

/** A 403 policy refusal: the code, and the report's last check is `policy`, failed with that code. */
export function expectPolicyRefusal(reply: Reply, code: ErrorCode): CeremonyReport {
  expectError(reply, 403, code);
  const report = (reply.json as { report?: CeremonyReport }).report;
  expect(report, 'a refused verify call carries its report').toBeDefined();
  const last = report!.checks.at(-1);
  expect(last).toMatchObject({ id: 'policy', passed: false, code });
  expect(report!.checks.slice(0, -1).every((check) => check.passed)).toBe(true);
  return report!;
}
