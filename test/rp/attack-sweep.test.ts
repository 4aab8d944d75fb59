/**
 * The attack sweep (issue 11, "Done when"): every endpoint of the relying party and the page
 * server fed generated hostile input — wrong types, missing and extra fields, huge strings,
 * deep nesting, prototype-pollution keys, odd Unicode and numbers, wrong content types, bad
 * path and query encodings, cross-site origins, concurrent races and replays. For every answer:
 * no 5xx, the contract's `{ error: { code, message } }` with a known code (or a 2xx), no stack
 * trace or internal text; a refused request stores nothing; and every table an anonymous
 * client can fill stays bounded. A tally per class is printed at the end (the issue's table).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { sweep } from '../../src/rp/maintenance/sweep';
import { openDatabase } from '../../src/rp/store/database';
import { preparedSql } from '../../src/rp/store/statements';
import { createWebServer } from '../../src/rp/web-server';
import { brandingSchema } from '../../src/shared/branding';
import { errorCodes, isErrorCode } from '../../src/shared/error-codes';
import { createAuthenticator } from '../soft-authenticator';
import {
  type Client,
  count,
  createGroup,
  createTenant,
  createWorld,
  HANDOFF_TTL_MS,
  issueTap,
  newUser,
  ORIGIN,
  queryPlan,
  type Reply,
  SESSION_COOKIE,
  signInWithTap,
  type Tenant,
  testConfig,
} from './helpers';

// ---- the verdict on one answer ----------------------------------------------------------------

/** Text no answer may carry: stack frames, file paths, SQLite and JavaScript engine messages. */
const INTERNAL_TEXT =
  /\bat [\w.<>$]{1,200} \(|[\w/\\.-]{1,200}\.(?:ts|js|mjs|cjs):\d+|node_modules|\/src\/rp\/|SQLITE_|constraint failed|no such (?:table|column)|TypeError|ReferenceError|RangeError|SyntaxError|URIError|Maximum call stack|Cannot read propert|is not a function|is not iterable|outside the bounds|Invalid typed array|undefined is not|\[object Object\]|\[native code\]/;

const timing = new Map<string, number>();
afterAll(() => {
  if (process.env.ATTACK_TIMING) console.log([...timing].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${v.toFixed(0)} ms ${k}`).join('\n'));
});
interface Tally {
  requests: number;
  fiveXx: number;
  halfStored: number;
}
const tally = new Map<string, Tally>();
function tallyOf(kind: string): Tally {
  let entry = tally.get(kind);
  if (!entry) tally.set(kind, (entry = { requests: 0, fiveXx: 0, halfStored: 0 }));
  return entry;
}

/** Every problem with one answer, as sentences (empty: the answer keeps the contract). */
function contractProblems(reply: Pick<Reply, 'status' | 'text' | 'json' | 'headers'>, { csvAllowed = false, htmlAllowed = false } = {}): string[] {
  const problems: string[] = [];
  if (reply.status >= 500) problems.push(`status ${reply.status}`);
  if (INTERNAL_TEXT.test(reply.text)) problems.push(`internal text in the answer: ${reply.text.slice(0, 200)}`);
  const type = reply.headers.get('content-type') ?? '';
  if (reply.status >= 400) {
    const error = (reply.json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    if (!/^application\/json/.test(type)) problems.push(`error answered as ${type || 'no content type'}`);
    if (!error || !isErrorCode(error.code)) problems.push(`error body not in the contract's shape: ${reply.text.slice(0, 200)}`);
    else if (errorCodes[error.code].status !== reply.status) problems.push(`code ${error.code} with status ${reply.status}`);
    if (error && (typeof error.message !== 'string' || !error.message.trim())) problems.push('error without a message');
  } else if (reply.status === 204 || reply.status === 304) {
    if (reply.text !== '') problems.push(`${reply.status} with a body`);
  } else if (!(/^application\/json/.test(type) || (csvAllowed && /^text\/csv/.test(type)) || (htmlAllowed && /^text\/html/.test(type)))) {
    problems.push(`success answered as ${type || 'no content type'}`);
  }
  return problems;
}

// ---- the database: durable state, and invariants that show half-stored data ----------------------

type Db = Tenant['db'];
const LOG_TABLES = new Set(['sign_in_log', 'tap_failures', 'campaign_log']);

function tableNames(db: Db): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    ({ name }) => name,
  );
}

const stateQueries = new WeakMap<Db, string>();

/** Every row of every table that is not a log, as one text built inside SQLite (quote() writes blobs as hex). */
function durableState(db: Db): string {
  let sql = stateQueries.get(db);
  if (!sql) {
    sql = tableNames(db)
      .filter((name) => !LOG_TABLES.has(name))
      .map((name) => {
        const columns = (db.pragma(`table_info("${name}")`) as { name: string }[]).map((column) => `quote("${column.name}")`);
        return `SELECT coalesce((SELECT group_concat('${name}:' || row, char(10)) FROM (SELECT ${columns.join(" || ',' || ")} AS row FROM "${name}" ORDER BY rowid)), '${name}: none')`;
      })
      .join(' UNION ALL ');
    stateQueries.set(db, sql);
  }
  return (db.prepare(sql).pluck().all() as string[]).join('\n');
}

/**
 * Rows that only a half-finished write leaves: broken references, a credential's user gone, a challenge without its session.
 */
function halfStoredRows(db: Db): string[] {
  const found: string[] = [];
  for (const row of db.pragma('foreign_key_check') as unknown[]) found.push(`foreign key: ${JSON.stringify(row)}`);
  const signedInByNothing = db.prepare('SELECT COUNT(*) AS n FROM sessions s WHERE s.user_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = s.user_id)').get() as {
    n: number;
  };
  if (signedInByNothing.n) found.push(`${signedInByNothing.n} sessions of missing users`);
  return found;
}

// ---- hostile input --------------------------------------------------------------------------------

/** Placeholders for numbers JSON.stringify cannot write (they go into the text as is). */
const RAW_NUMBERS: Record<string, string> = { '@1e309@': '1e309', '@-1e309@': '-1e309', '@1e-400@': '1e-400', '@bigint@': '123456789012345678901234567890', '@-0@': '-0' };

function jsonText(value: unknown): string {
  let text = JSON.stringify(value);
  for (const [placeholder, raw] of Object.entries(RAW_NUMBERS)) text = text.split(JSON.stringify(placeholder)).join(raw);
  return text;
}

const deep = (levels: number, open: string, close: string, inner = '1') => open.repeat(levels) + inner + close.repeat(levels);

/** Values put in place of each field of a valid body. */
const HOSTILE_VALUES: [string, unknown][] = [
  ['null', null],
  ['true', true],
  ['zero', 0],
  ['negative', -1],
  ['float', 1.5],
  ['1e309', '@1e309@'],
  ['-1e309', '@-1e309@'],
  ['1e-400', '@1e-400@'],
  ['bigint', '@bigint@'],
  ['-0', '@-0@'],
  ['"NaN"', 'NaN'],
  ['"Infinity"', 'Infinity'],
  ['"1e309"', '1e309'],
  ['empty string', ''],
  ['spaces', '   '],
  ['NUL', '\u0000'],
  ['NUL inside', 'a\u0000b'],
  ['lone high surrogate', '\ud800'],
  ['lone low surrogate', 'x\udfffy'],
  ['RTL override', 'adm\u202enimda'],
  ['zero-width', 'ad\u200bmin'],
  ['BOM', '\ufeffadmin'],
  ['emoji', '😀'.repeat(20)],
  ['combining marks', 'a' + '\u0301'.repeat(500)],
  ['60 KB string', 'x'.repeat(60_000)],
  ['array', []],
  ['array of strings', ['a', 'b']],
  ['object', {}],
  ['nested 50', JSON.parse(deep(50, '[', ']'))],
  ['JSON text 5,000 deep', deep(5000, '[', ']')],
  ['base64url clientDataJSON 5,000 deep', Buffer.from(`{"type":"webauthn.get","challenge":"AAAA","origin":"${ORIGIN}","x":${deep(5000, '{"a":', '}')}}`).toString('base64url')],
  ['__proto__ object', JSON.parse('{"__proto__":{"isAdmin":true,"polluted":true}}')],
  ['"__proto__"', '__proto__'],
  ['"constructor"', 'constructor'],
  ['"toString"', 'toString'],
  ['path', '../../../etc/passwd'],
  ['html', '<script>alert(1)</script>'],
  ['sql', "' OR 1=1 --"],
];

/** Whole bodies sent as raw text with Content-Type: application/json. */
const HOSTILE_BODIES: [string, string][] = [
  ['empty', ''],
  ['null', 'null'],
  ['number', '1'],
  ['string', '"hello"'],
  ['array', '[]'],
  ['true', 'true'],
  ['truncated', '{"a":'],
  ['not JSON', 'not json'],
  ['two documents', '{}{}'],
  ['BOM', '\ufeff{}'],
  ['NUL', '\u0000'],
  ['single quotes', "{'a':1}"],
  ['trailing comma', '{"a":1,}'],
  ['comment', '{/* x */}'],
  ['duplicate keys', '{"username":"a","username":"b","displayName":"x","displayName":"y"}'],
  ['__proto__ key', '{"__proto__":{"isAdmin":true,"polluted":true},"username":"proto"}'],
  ['constructor key', '{"constructor":{"prototype":{"polluted":true}},"username":"ctor"}'],
  ['deep arrays 5000', deep(5000, '[', ']')],
  ['deep objects 5000', deep(5000, '{"a":', '}')],
  ['deep 200 inside a field', `{"response":${deep(200, '{"a":', '}')},"input":${deep(200, '[', ']')}}`],
  ['60 KB string', JSON.stringify({ username: 'x'.repeat(60_000), input: 'x'.repeat(60_000) })],
  ['1 MB string', JSON.stringify({ username: 'x'.repeat(1 << 20) })],
  ['6,000 small keys', `{${Array.from({ length: 6000 }, (_, i) => `"k${i}":1`).join(',')}}`],
  ['lone surrogate escapes', '{"username":"\\ud800\\udc00\\ud800","displayName":"\\udfff","nickname":"\\ud800"}'],
  ['invalid UTF-8 bytes', '{"username":"\xff\xfe"}'],
  ['1e309 everywhere', '{"lifetimeInMinutes":1e309,"length":1e309,"limit":1e309}'],
];

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/jsonx',
  'APPLICATION/JSON',
  'application/json;;;',
  'application/problem+json',
  '',
  'x'.repeat(5000),
];

/** Path parameters that are not ids: bad percent-encoding, traversal, pollution keys, huge. */
const HOSTILE_IDS = [
  '__proto__',
  'constructor',
  'toString',
  '%00',
  '%ZZ',
  '%',
  '%E0%A4%A',
  '%ED%A0%80', // an encoded lone surrogate: decodeURIComponent throws on it
  '%C0%AF',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e',
  '%E2%80%AE',
  'a'.repeat(20_000),
  '😀',
  "'%20OR%201=1",
];

// ---- the world under attack --------------------------------------------------------------------

interface Target {
  tenant: Tenant;
  ids: Record<string, string>;
  /** A signed-in admin again (after a request that may have ended its session). */
  resignAdmin(): Promise<void>;
}

async function target(): Promise<Target> {
  const tenant = await createTenant({ ...testConfig(), relatedOrigins: ['https://other.example'], simulatedDevices: true });
  const bob = await newUser(tenant, 'bob');
  const group = await createGroup(tenant.admin, 'Pilot', ['bob']);
  await issueTap(tenant.admin, { username: 'carol' });
  const handoff = (await tenant.admin.post('/api/handoffs', { purpose: 'sign-in' })).json as { handoff: { id: string; code: string } };
  const adminCredential = (tenant.db.prepare("SELECT c.id FROM credentials c JOIN users u ON u.id = c.user_id WHERE u.username = 'admin'").get() as { id: string }).id;
  return {
    tenant,
    ids: {
      cred: adminCredential,
      bobCred: bob.credential.id,
      bobId: bob.user.id,
      group: group.id,
      handoff: handoff.handoff.id,
      code: handoff.handoff.code,
    },
    async resignAdmin() {
      if ((await tenant.admin.get('/api/session')).status !== 200) await tenant.admin.signIn(tenant.adminKey);
    },
  };
}

interface Endpoint {
  method: string;
  path: string;
  /** A valid body, whose fields are replaced one by one. */
  body?: Record<string, unknown>;
  csv?: boolean;
}

/** Every endpoint (src/rp/app.ts and src/rp/routes/*.ts); `:name` is filled from Target.ids. */
const ENDPOINTS: Endpoint[] = [
  { method: 'POST', path: '/api/registration/options', body: { username: 'newcomer', displayName: 'New', hint: 'client-device' } },
  { method: 'POST', path: '/api/registration/verify', body: { response: { id: 'AA', rawId: 'AA', type: 'public-key', response: {}, clientExtensionResults: {} }, nickname: 'n' } },
  { method: 'POST', path: '/api/authentication/options', body: { username: 'bob', hint: 'security-key' } },
  { method: 'POST', path: '/api/authentication/verify', body: { response: { id: 'AA', rawId: 'AA', type: 'public-key', response: {}, clientExtensionResults: {} } } },
  { method: 'POST', path: '/api/authentication/temporary-access-pass', body: { username: 'carol', code: 'wrong-code' } },
  { method: 'GET', path: '/api/session' },
  { method: 'GET', path: '/api/credentials' },
  { method: 'PATCH', path: '/api/credentials/:cred', body: { nickname: 'Laptop' } },
  { method: 'DELETE', path: '/api/credentials/:bobCred' },
  { method: 'PATCH', path: '/api/account', body: { displayName: 'Admin' } },
  { method: 'POST', path: '/api/handoffs', body: { purpose: 'registration', username: 'phoneperson', displayName: 'P' } },
  { method: 'GET', path: '/api/handoffs/:handoff' },
  { method: 'GET', path: '/api/handoffs/by-code/:code' },
  { method: 'POST', path: '/api/handoffs/:handoff/approve', body: {} },
  { method: 'POST', path: '/api/handoffs/:handoff/claim', body: {} },
  { method: 'POST', path: '/api/inspect', body: { input: 'eyJ0eXBlIjoid2ViYXV0aG4uZ2V0In0' } },
  { method: 'GET', path: '/api/metadata' },
  { method: 'GET', path: '/api/simulator' },
  { method: 'POST', path: '/api/simulator/attestation-certificate', body: { publicKey: 'AAAA', aaguid: '00000000-0000-0000-0000-000000000000', preset: 'yubikey-5' } },
  { method: 'GET', path: '/api/admin/users/:bobId/passkeys' },
  { method: 'DELETE', path: '/api/admin/users/:bobId/passkeys/:cred' },
  { method: 'GET', path: '/api/admin/rollout' },
  { method: 'PATCH', path: '/api/admin/rollout', body: {} },
  { method: 'GET', path: '/api/admin/registration-campaign' },
  { method: 'PATCH', path: '/api/admin/registration-campaign', body: { state: 'default', snoozeDurationInDays: 1 } },
  { method: 'PUT', path: '/api/admin/sms-methods/:bobId', body: { hasSms: true } },
  { method: 'GET', path: '/api/admin/dashboard' },
  { method: 'GET', path: '/api/admin/dashboard/export?table=users', csv: true },
  { method: 'GET', path: '/api/admin/policy' },
  { method: 'PATCH', path: '/api/admin/policy', body: { isAttestationEnforced: false } },
  { method: 'POST', path: '/api/admin/policy/preview', body: { isAttestationEnforced: false } },
  { method: 'POST', path: '/api/admin/policy/prepare-allow-list', body: { microsoftAaguidsAllowed: 'All', enforceAttestation: false, overwriteExistingAaguids: false } },
  { method: 'GET', path: '/api/admin/aaguids' },
  { method: 'GET', path: '/api/admin/users' },
  { method: 'GET', path: '/api/admin/groups' },
  { method: 'POST', path: '/api/admin/groups', body: { displayName: 'Pilot 2' } },
  { method: 'DELETE', path: '/api/admin/groups/no-such-group' },
  { method: 'POST', path: '/api/admin/groups/:group/members', body: { username: 'bob' } },
  { method: 'DELETE', path: '/api/admin/groups/:group/members/no-such-user' },
  { method: 'POST', path: '/api/admin/temporary-access-passes', body: { username: 'dave', displayName: 'Dave', lifetimeInMinutes: 60, isUsableOnce: true, length: 8 } },
  { method: 'GET', path: '/api/admin/temporary-access-passes' },
  { method: 'GET', path: '/api/admin/conditional-access' },
  { method: 'PATCH', path: '/api/admin/conditional-access', body: { state: 'disabled' } },
  { method: 'GET', path: '/api/admin/sign-in-log?limit=5' },
  { method: 'GET', path: '/api/apps/sensitive' },
  { method: 'GET', path: '/api/registration-campaign' },
  { method: 'POST', path: '/api/registration-campaign/snooze', body: {} },
  { method: 'GET', path: '/api/no-such-endpoint' },
  { method: 'GET', path: '/.well-known/webauthn' },
  { method: 'DELETE', path: '/api/session' },
];

const fill = (template: string, ids: Record<string, string>) => template.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? name);

interface Attack {
  label: string;
  method: string;
  path: string;
  raw?: string;
  headers?: Record<string, string>;
  origin?: string | null;
  csv?: boolean;
  chunked?: boolean;
}

const TAP_SIGN_IN = '/api/authentication/temporary-access-pass';
const TAP_ISSUE = '/api/admin/temporary-access-passes';
/** Slow by design (a tarpit; scrypt one at a time): sent in parallel and checked as a batch. */
const slow = (attack: Attack) => attack.method === 'POST' && (attack.path === TAP_SIGN_IN || attack.path === TAP_ISSUE);

function send(client: Client, attack: Attack): Promise<Reply> {
  const bodyless = attack.method === 'GET' || attack.method === 'HEAD';
  return client.request(attack.method, attack.path, {
    ...(attack.raw !== undefined && !bodyless ? { raw: attack.raw } : {}),
    ...(attack.headers ? { headers: attack.headers } : {}),
    ...(attack.origin !== undefined ? { origin: attack.origin } : {}),
    ...(attack.chunked && !bodyless ? { chunked: true } : {}),
  });
}

/** ATTACK_SWEEP_FULL=1: every hostile value in every field, the largest bodies everywhere (about 4× the requests). */
const FULL = process.env.ATTACK_SWEEP_FULL === '1';

/**
 * Sends each attack as `client` (a fresh anonymous browser when `as` is 'anonymous'), checks the
 * answer, and checks that a refused request (4xx) changed no durable row and broke no invariant.
 */
async function run(t: Target, kind: string, attacks: Attack[], as: 'admin' | 'anonymous' = 'admin'): Promise<string[]> {
  const failures: string[] = [];
  const counts = tallyOf(kind);
  const { db } = t.tenant;
  // A refused pass sign-in answers after a tarpit delay: those go in parallel, checked as a batch.
  const tarpitted = attacks.filter(slow);
  if (tarpitted.length) {
    const before = durableState(db);
    for (let i = 0; i < tarpitted.length; i += 64) {
      const replies = await Promise.all(tarpitted.slice(i, i + 64).map((attack) => send(as === 'admin' ? t.tenant.admin : t.tenant.client(), attack)));
      replies.forEach((reply, j) => {
        counts.requests++;
        if (reply.status >= 500) counts.fiveXx++;
        const problems = contractProblems(reply);
        if (reply.status < 400 && tarpitted[i + j]!.path === TAP_SIGN_IN) problems.push('a hostile pass sign-in succeeded');
        if (problems.length) failures.push(`${tarpitted[i + j]!.label} → ${reply.status}: ${problems.join('; ')}`);
      });
    }
    const half = halfStoredRows(db);
    if ((tarpitted.every((attack) => attack.path === TAP_SIGN_IN) && durableState(db) !== before) || half.length) {
      counts.halfStored++;
      failures.push(`refused pass sign-ins or issues left rows behind: ${half.join('; ')}`);
    }
  }
  for (const attack of attacks.filter((a) => !slow(a))) {
    const client = as === 'admin' ? t.tenant.admin : t.tenant.client();
    const started0 = performance.now();
    const before = durableState(db);
    if (process.env.ATTACK_TIMING) timing.set('durableState', (timing.get('durableState') ?? 0) + performance.now() - started0);
    const started = performance.now();
    const reply = await send(client, attack);
    counts.requests++;
    if (process.env.ATTACK_TIMING) timing.set(attack.label.split(' ').slice(2).join(' ').slice(0, 40), (timing.get(attack.label.split(' ').slice(2).join(' ').slice(0, 40)) ?? 0) + performance.now() - started);
    if (process.env.ATTACK_TIMING) timing.set(attack.method + ' ' + attack.path.slice(0, 60), (timing.get(attack.method + ' ' + attack.path.slice(0, 60)) ?? 0) + performance.now() - started);
    if (reply.status >= 500) counts.fiveXx++;
    const problems = contractProblems(reply, { csvAllowed: attack.csv === true });
    if (reply.status >= 400) {
      // A refusal stores nothing (its log entry aside; a spent challenge is in memory).
      const after = durableState(db);
      if (after !== before) {
        counts.halfStored++;
        problems.push('a refused request changed stored rows');
      }
    }
    const half = halfStoredRows(db);
    if (half.length) {
      counts.halfStored++;
      problems.push(...half);
    }
    if (problems.length) failures.push(`${attack.label} → ${reply.status}: ${problems.join('; ')}`);
    if (attack.method === 'DELETE' && attack.path.startsWith('/api/session')) await t.resignAdmin();
  }
  expectPrototypesClean();
  return failures;
}

function expectPrototypesClean() {
  const probe = {} as Record<string, unknown>;
  expect(probe.isAdmin).toBeUndefined();
  expect(probe.polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
}

const expectNoFailures = (failures: string[]) => expect(failures.slice(0, 15), `${failures.length} failing answers`).toEqual([]);

// ---- the sweep ------------------------------------------------------------------------------------

describe('every endpoint under hostile input', { timeout: 120_000 }, () => {
  it('hostile values in every field of every body (and extra or missing fields)', async () => {
    const t = await target();
    const attacks: Attack[] = [];
    for (const endpoint of ENDPOINTS.filter((e) => e.body)) {
      const path = fill(endpoint.path, t.ids);
      const fields = Object.keys(endpoint.body!);
      const extras = ['extraField', 'constructor', 'toString', '__proto__'];
      [...fields, ...extras].forEach((field, f) => {
        HOSTILE_VALUES.forEach(([name, value], v) => {
          // By default each field gets a quarter of the values (rotating, so every value meets every
          // endpoint with two or more fields) and the extra keys a few; ATTACK_SWEEP_FULL=1 sends them all.
          if (!FULL && (extras.includes(field) ? v % 12 !== 0 : (f + v) % 4 !== 0)) return;
          attacks.push({ label: `${endpoint.method} ${endpoint.path} ${field}=${name}`, method: endpoint.method, path, raw: jsonText({ ...endpoint.body, [field]: value }) });
        });
      });
      for (const field of fields) {
        const { [field]: _missing, ...rest } = endpoint.body!;
        attacks.push({ label: `${endpoint.method} ${endpoint.path} without ${field}`, method: endpoint.method, path, raw: jsonText(rest) });
      }
    }
    expectNoFailures(await run(t, 'wrong types, odd numbers, Unicode, pollution keys, missing/extra fields', attacks));
  });

  it('hostile whole bodies: not JSON, deep nesting, huge, duplicate and prototype keys', async () => {
    const t = await target();
    const attacks: Attack[] = [];
    // A GET has no body to attack (and app.request refuses one): those have their own classes.
    // The body-size limit answers before any route: the largest bodies go to every third endpoint.
    const HEAVY = new Set(['1 MB string', '6,000 small keys']);
    ENDPOINTS.filter((e) => e.method !== 'GET').forEach((endpoint, e) => {
      for (const [name, raw] of HOSTILE_BODIES) {
        if (!FULL && HEAVY.has(name) && e % 3 !== 0) continue;
        attacks.push({ label: `${endpoint.method} ${endpoint.path} body ${name}`, method: endpoint.method, path: fill(endpoint.path, t.ids), raw, csv: endpoint.csv ?? false });
      }
      // Over the 64 KB limit without declaring a length.
      if (FULL || e % 3 === 0) attacks.push({
        label: `${endpoint.method} ${endpoint.path} chunked 1 MB`,
        method: endpoint.method,
        path: fill(endpoint.path, t.ids),
        raw: JSON.stringify({ input: 'y'.repeat(1 << 20) }),
        chunked: true,
        csv: endpoint.csv ?? false,
      });
    });
    expectNoFailures(await run(t, 'malformed, deep (5,000 levels), huge (60 KB, 1 MB) and polluting bodies', attacks));
  });

  it('hostile CBOR and binary parts in the decoder and both verify endpoints', async () => {
    const t = await target();
    const cbor: [string, Buffer][] = [
      ['arrays 20,000 deep', Buffer.concat([Buffer.alloc(20_000, 0x81), Buffer.from([0x01])])],
      ['maps 8,000 deep', Buffer.concat([Buffer.from(Array.from({ length: 8000 }, () => [0xa1, 0x01]).flat()), Buffer.from([0x01])])],
      ['length 2^64-1', Buffer.from([0x5b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])],
      ['indefinite lengths', Buffer.concat([Buffer.alloc(5000, 0x9f), Buffer.from([0x01])])],
      ['tags 10,000 deep', Buffer.concat([Buffer.alloc(10_000, 0xc6), Buffer.from([0x01])])],
      ['map of 40 bytes of flags', Buffer.concat([Buffer.alloc(32), Buffer.from([0xff]), Buffer.alloc(60, 0xa1)])],
      ['authData with a bogus credential', Buffer.concat([Buffer.alloc(32), Buffer.from([0x45, 0, 0, 0, 1]), Buffer.alloc(16), Buffer.from([0x00, 0x04, 1, 2, 3, 4]), Buffer.from([0xa1, 0x01])])],
      ['empty', Buffer.alloc(0)],
    ];
    const attacks: Attack[] = [];
    const verifyFailures: string[] = [];
    for (const [name, bytes] of cbor) {
      const part = bytes.toString('base64url');
      const response = { id: 'AAAA', rawId: 'AAAA', type: 'public-key', clientExtensionResults: {}, response: { clientDataJSON: part, attestationObject: part, authenticatorData: part, signature: part, userHandle: part } };
      attacks.push({ label: `inspect ${name}`, method: 'POST', path: '/api/inspect', raw: jsonText({ input: part }) });
      attacks.push({ label: `inspect object ${name}`, method: 'POST', path: '/api/inspect', raw: jsonText({ input: response }) });
      attacks.push({ label: `inspect verify body ${name}`, method: 'POST', path: '/api/inspect', raw: jsonText({ input: { response } }) });
      for (const ceremony of ['registration', 'authentication']) {
        const client = t.tenant.client();
        await client.post(`/api/${ceremony}/options`, ceremony === 'registration' ? { username: `cbor${attacks.length}` } : {});
        const reply = await client.post(`/api/${ceremony}/verify`, { response });
        tallyOf('hostile CBOR and binary parts').requests++;
        const problems = contractProblems(reply);
        if (problems.length) verifyFailures.push(`${ceremony} verify ${name} → ${reply.status}: ${problems.join('; ')}`);
      }
    }
    const failures = await run(t, 'hostile CBOR and binary parts', attacks);
    expectNoFailures([...failures, ...verifyFailures]);
  });

  it('hostile values inside real registration and sign-in responses', async () => {
    const t = await target();
    const key = createAuthenticator();
    await t.tenant.client().register(key, 'inner');
    const paths = [
      ['id'],
      ['rawId'],
      ['type'],
      ['authenticatorAttachment'],
      ['clientExtensionResults'],
      ['response', 'clientDataJSON'],
      ['response', 'attestationObject'],
      ['response', 'authenticatorData'],
      ['response', 'signature'],
      ['response', 'userHandle'],
      ['response', 'transports'],
      ['response', 'publicKey'],
    ];
    const counts = tallyOf('hostile values inside real responses');
    const failures: string[] = [];
    let n = 0;
    for (const ceremony of ['registration', 'authentication'] as const) {
      for (const [p, path] of paths.entries()) {
        for (const [v, [name, value]] of HOSTILE_VALUES.entries()) {
          if (!FULL && (p + v) % 3 !== 0) continue;
          const client = t.tenant.client();
          const options = await client.post(`/api/${ceremony}/options`, ceremony === 'registration' ? { username: `inner${n++}` } : { username: 'inner' });
          const real = JSON.parse(JSON.stringify(ceremony === 'registration' ? await key.register((options.json as { options: never }).options) : await key.authenticate((options.json as { options: never }).options))) as Record<string, unknown>;
          let holder = real;
          for (const step of path.slice(0, -1)) holder = holder[step] as Record<string, unknown>;
          Object.defineProperty(holder, path.at(-1)!, { value, enumerable: true, configurable: true, writable: true });
          const before = durableState(t.tenant.db);
          const reply = await client.request('POST', `/api/${ceremony}/verify`, { raw: jsonText({ response: real }) });
          counts.requests += 2;
          if (reply.status >= 500) counts.fiveXx++;
          const problems = contractProblems(reply);
          if (reply.status >= 400 && durableState(t.tenant.db) !== before) {
            counts.halfStored++;
            problems.push('a refused verify changed stored rows');
          }
          if (problems.length) failures.push(`${ceremony} ${path.join('.')}=${name} → ${reply.status}: ${problems.join('; ')}`);
        }
      }
    }
    expectNoFailures(failures);
  });

  it('wrong or missing Content-Type, and no body at all', async () => {
    const t = await target();
    const attacks: Attack[] = [];
    for (const endpoint of ENDPOINTS.filter((e) => e.method !== 'GET')) {
      const path = fill(endpoint.path, t.ids);
      const csv = endpoint.csv ?? false;
      attacks.push({ label: `${endpoint.method} ${endpoint.path} no body`, method: endpoint.method, path, csv });
      for (const type of CONTENT_TYPES) {
        attacks.push({ label: `${endpoint.method} ${endpoint.path} as ${type.slice(0, 40)}`, method: endpoint.method, path, raw: jsonText(endpoint.body ?? {}), headers: { 'content-type': type }, csv });
      }
    }
    expectNoFailures(await run(t, 'wrong Content-Type, no body', attacks));
  });

  it('hostile path parameters and query strings', async () => {
    const t = await target();
    const attacks: Attack[] = [];
    for (const endpoint of ENDPOINTS.filter((e) => e.path.includes(':') || e.path.includes('no-such'))) {
      for (const id of HOSTILE_IDS) {
        const path = endpoint.path.replace(/:(\w+)|no-such-[\w-]+/g, id);
        attacks.push({ label: `${endpoint.method} ${endpoint.path} id ${id.slice(0, 20)}`, method: endpoint.method, path, raw: jsonText(endpoint.body ?? {}) });
      }
    }
    const queries = [
      ...['1e309', 'NaN', '-1', '0', '1.5', '501', '', '%ZZ', '0x10', '1e2', ' 7 ', '99999999999999999999'].map((v) => `/api/admin/sign-in-log?limit=${v}`),
      '/api/admin/sign-in-log?limit=1&limit=2&username=a&username=b',
      '/api/admin/sign-in-log?limit[]=1&ceremony[x]=y',
      `/api/admin/sign-in-log?username=${'u'.repeat(100_000)}`,
      '/api/admin/sign-in-log?username=%ED%A0%80&result=%00',
      '/api/admin/sign-in-log?ceremony=__proto__&result=constructor',
      '/api/admin/sign-in-log?%ZZ=1',
      ...['__proto__', 'constructor', 'toString', '', '%ZZ', 'users&table=groups', 'users%00'].map((v) => `/api/admin/dashboard/export?table=${v}`),
      '/api/admin/dashboard/export',
      '/api/session?__proto__[isAdmin]=1',
      `/api/metadata?${'q=1&'.repeat(5000)}`,
    ];
    for (const path of queries) attacks.push({ label: `GET ${path.slice(0, 80)}`, method: 'GET', path, csv: true });
    expectNoFailures(await run(t, 'hostile path parameters and query strings', attacks));
  });

  it('anonymous callers: every endpoint, with and without a forged cookie', async () => {
    const t = await target();
    const attacks: Attack[] = [];
    for (const endpoint of ENDPOINTS) {
      const path = fill(endpoint.path, t.ids);
      attacks.push({ label: `anonymous ${endpoint.method} ${endpoint.path}`, method: endpoint.method, path, raw: jsonText(endpoint.body ?? {}), csv: endpoint.csv ?? false });
    }
    const failures = await run(t, 'anonymous callers', attacks, 'anonymous');
    // Forged and malformed cookies: never signed in, never a 5xx.
    const counts = tallyOf('anonymous callers');
    for (const cookie of ['x', '', 'a'.repeat(10_000), '%ZZ', '%00', '__proto__', `1; ${SESSION_COOKIE}=2`, '"quoted"', 'ü']) {
      const client = t.tenant.client();
      client.cookies.set(SESSION_COOKIE, cookie);
      const reply = await client.request('GET', '/api/session');
      counts.requests++;
      if (reply.status !== 401) failures.push(`forged cookie ${cookie.slice(0, 12)} → ${reply.status}`);
      failures.push(...contractProblems(reply));
    }
    expectNoFailures(failures);
    // The admin-only and user-only endpoints each refused.
    for (const endpoint of ENDPOINTS.filter((e) => e.path.startsWith('/api/admin') || e.path.startsWith('/api/credentials'))) {
      const reply = await t.tenant.client().request(endpoint.method, fill(endpoint.path, t.ids), endpoint.body ? { body: endpoint.body } : {});
      expect([401, 403], `${endpoint.method} ${endpoint.path}`).toContain(reply.status);
    }
  });

  it('signed in but not an admin: every admin endpoint answers 403 forbidden and changes nothing', async () => {
    const t = await target();
    const bob = await newUser(t.tenant, 'mallory');
    const before = durableState(t.tenant.db);
    const counts = tallyOf('privilege escalation (non-admin on admin endpoints)');
    for (const endpoint of ENDPOINTS.filter((e) => e.path.startsWith('/api/admin'))) {
      const reply = await bob.client.request(endpoint.method, fill(endpoint.path, t.ids), endpoint.body ? { raw: jsonText({ ...endpoint.body, isAdmin: true, __proto__: { isAdmin: true } }) } : {});
      counts.requests++;
      expect(reply.status, `${endpoint.method} ${endpoint.path}: ${reply.text}`).toBe(403);
      expect(contractProblems(reply)).toEqual([]);
    }
    expect(durableState(t.tenant.db)).toBe(before);
  });

  it('cross-site requests: a foreign or opaque Origin is refused on every state-changing endpoint and changes nothing', async () => {
    const t = await target();
    const attacks: Attack[] = [];
    for (const endpoint of ENDPOINTS.filter((e) => e.method !== 'GET')) {
      for (const origin of ['https://evil.example', 'null', `${ORIGIN}.evil.example`, 'http://localhost:3001', ORIGIN.toUpperCase(), `${ORIGIN}/`]) {
        attacks.push({ label: `${endpoint.method} ${endpoint.path} from ${origin}`, method: endpoint.method, path: fill(endpoint.path, t.ids), raw: jsonText(endpoint.body ?? {}), origin });
      }
    }
    const failures = await run(t, 'cross-site Origin on mutating requests', attacks);
    expectNoFailures(failures);
    for (const attack of attacks) {
      const reply = await t.tenant.admin.request(attack.method, attack.path, { raw: attack.raw!, origin: attack.origin! });
      expect(reply.status, attack.label).toBe(403);
      expect((reply.json as { error: { code: string } }).error.code).toBe('forbidden_origin');
    }
    // Without an Origin a browser form could only send a simple content type, which is refused (415).
    const form = await t.tenant.admin.request('PATCH', '/api/account', { raw: 'displayName=pwned', origin: null, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    const cookie = t.tenant.admin.cookies.get(SESSION_COOKIE);
    expect(cookie).toBeDefined();
  });
});

// ---- races and replays ----------------------------------------------------------------------------

/** Sends the same request `n` times at once; every answer must keep the contract. */
async function race(kind: string, n: number, request: (i: number) => Promise<Reply>): Promise<Reply[]> {
  const replies = await Promise.all(Array.from({ length: n }, (_, i) => request(i)));
  const counts = tallyOf(kind);
  counts.requests += n;
  counts.fiveXx += replies.filter((reply) => reply.status >= 500).length;
  for (const reply of replies) expect(contractProblems(reply), reply.text).toEqual([]);
  return replies;
}

const statuses = (replies: Reply[]) => replies.map((reply) => reply.status).sort();
const codes = (replies: Reply[]) => new Set(replies.filter((r) => r.status >= 400).map((r) => (r.json as { error: { code: string } }).error.code));

describe('concurrent races on every mutating request', { timeout: 60_000 }, () => {
  const KIND = 'concurrent races (20–50 of the same mutating request)';

  it('a hand-off is approved once and claimed once', async () => {
    const world = createWorld();
    const phone = await newUser(world, 'pat');
    const computer = world.client();
    const created = await computer.post('/api/handoffs', { purpose: 'sign-in' });
    const id = (created.json as { handoff: { id: string } }).handoff.id;
    const approvals = await race(KIND, 40, () => phone.client.post(`/api/handoffs/${id}/approve`, {}));
    expect(approvals.filter((r) => r.status === 200)).toHaveLength(1);
    expect(codes(approvals)).toEqual(new Set(['handoff_used']));
    // The creator's browser claims 40 times at once, and strangers too.
    const claims = await race(KIND, 40, (i) => (i % 2 ? computer : world.client()).post(`/api/handoffs/${id}/claim`, {}));
    expect(claims.filter((r) => r.status === 200)).toHaveLength(1);
    expect(world.db.prepare('SELECT COUNT(*) AS n FROM sessions WHERE user_id IS NOT NULL').pluck().get()).toBe(2);
    expect(halfStoredRows(world.db)).toEqual([]);
  });

  it('a one-time Temporary Access Pass signs in once, however many browsers use it at once', async () => {
    const tenant = await createTenant();
    const tap = await issueTap(tenant.admin, { username: 'erin', isUsableOnce: true });
    const replies = await race(KIND, 20, () => signInWithTap(tenant.client(), 'erin', tap.temporaryAccessPass));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(tenant.db.prepare("SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = 'erin'").pluck().get()).toBe(1);
  });

  it('a passkey is deleted once; renames all land on one of the names', async () => {
    const tenant = await createTenant();
    const bob = await newUser(tenant, 'bob');
    await bob.client.register(createAuthenticator(), 'bob');
    const renames = await race(KIND, 30, (i) => bob.client.patch(`/api/credentials/${bob.credential.id}`, { nickname: `Key ${i}` }));
    expect(statuses(renames).every((s) => s === 200)).toBe(true);
    const nickname = tenant.db.prepare('SELECT nickname FROM credentials WHERE id = ?').pluck().get(bob.credential.id) as string;
    expect(nickname).toMatch(/^Key \d+$/);
    const deletes = await race(KIND, 30, () => bob.client.delete(`/api/credentials/${bob.credential.id}`));
    expect(deletes.filter((r) => r.status === 204)).toHaveLength(1);
    expect(codes(deletes)).toEqual(new Set(['not_found']));
    const other = (tenant.db.prepare("SELECT c.id FROM credentials c JOIN users u ON u.id = c.user_id WHERE u.username = 'bob'").pluck().get() as string);
    const removals = await race(KIND, 30, () => tenant.admin.delete(`/api/admin/users/${bob.user.id}/passkeys/${other}`));
    expect(removals.filter((r) => r.status === 204)).toHaveLength(1);
    expect(tenant.db.prepare("SELECT COUNT(*) FROM sign_in_log WHERE result = 'removed_by_admin'").pluck().get()).toBe(1);
    expect(halfStoredRows(tenant.db)).toEqual([]);
  });

  it('groups: one group per name, one membership per person, one removal', async () => {
    const tenant = await createTenant();
    await newUser(tenant, 'bob');
    const created = await race(KIND, 30, () => tenant.admin.post('/api/admin/groups', { displayName: 'Racers' }));
    expect(created.filter((r) => r.status === 201)).toHaveLength(1);
    expect(codes(created)).toEqual(new Set(['group_exists']));
    const group = (created.find((r) => r.status === 201)!.json as { id: string }).id;
    await race(KIND, 30, () => tenant.admin.post(`/api/admin/groups/${group}/members`, { username: 'bob' }));
    expect(tenant.db.prepare('SELECT COUNT(*) FROM group_members WHERE group_id = ?').pluck().get(group)).toBe(1);
    const bobId = tenant.db.prepare("SELECT id FROM users WHERE username = 'bob'").pluck().get() as string;
    await race(KIND, 30, () => tenant.admin.delete(`/api/admin/groups/${group}/members/${bobId}`));
    expect(tenant.db.prepare('SELECT COUNT(*) FROM group_members WHERE group_id = ?').pluck().get(group)).toBe(0);
    const removed = await race(KIND, 30, () => tenant.admin.delete(`/api/admin/groups/${group}`));
    expect(removed.filter((r) => r.status === 204)).toHaveLength(1);
  });

  it('policy, conditional access, campaign and rollout PATCHes: the stored document is one of the answers', async () => {
    const tenant = await createTenant();
    const policies = await race(KIND, 30, (i) => tenant.admin.patch('/api/admin/policy', { state: i % 2 ? 'enabled' : 'disabled', isSelfServiceRegistrationAllowed: i % 3 !== 0 }));
    const stored = tenant.db.prepare("SELECT value FROM tenant_settings WHERE key = 'fido2Policy'").pluck().get() as string;
    expect(policies.filter((r) => r.status === 200).map((r) => JSON.stringify(r.json))).toContain(JSON.stringify(JSON.parse(stored)));
    await race(KIND, 30, (i) => tenant.admin.patch('/api/admin/conditional-access', { state: i % 2 ? 'enabled' : 'disabled' }));
    await race(KIND, 30, (i) => tenant.admin.patch('/api/admin/registration-campaign', { snoozeDurationInDays: (i % 14) + 1 }));
    await race(KIND, 20, (i) => tenant.admin.request('PUT', `/api/admin/sms-methods/${tenant.db.prepare('SELECT id FROM users').pluck().get() as string}`, { body: { hasSms: i % 2 === 0 } }));
    expect((await tenant.admin.get('/api/admin/policy')).status).toBe(200);
  });

  it('one username registered from 20 browsers at once: one account, the rest username_taken', async () => {
    const world = createWorld();
    const browsers = Array.from({ length: 20 }, () => ({ client: world.client(), key: createAuthenticator() }));
    const options = await Promise.all(browsers.map(({ client }) => client.registrationOptions({ username: 'same' })));
    // The authenticators answer first, so the 20 verify calls reach the server at once.
    const responses = await Promise.all(browsers.map(({ key }, i) => key.register(options[i]!)));
    const replies = await race(KIND, 20, (i) => browsers[i]!.client.verifyRegistration(responses[i]!));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(codes(replies)).toEqual(new Set(['username_taken']));
    expect(world.db.prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(1);
    expect(world.db.prepare('SELECT COUNT(*) FROM credentials').pluck().get()).toBe(1);
  });

  it('passes issued at once for one new username: one account, and only the newest pass works', async () => {
    const tenant = await createTenant();
    const replies = await race(KIND, 20, () => tenant.admin.post('/api/admin/temporary-access-passes', { username: 'newhire', isUsableOnce: true }));
    expect(replies.some((r) => r.status === 201)).toBe(true);
    expect(tenant.db.prepare("SELECT COUNT(*) FROM users WHERE username = 'newhire'").pluck().get()).toBe(1);
    // At most one pass is usable: the others were replaced.
    const usable = tenant.db.prepare('SELECT COUNT(*) FROM temporary_access_passes WHERE used_at IS NULL AND replaced_at IS NULL').pluck().get() as number;
    expect(usable).toBe(1);
    expect(halfStoredRows(tenant.db)).toEqual([]);
  });

  it('a new username claimed at once by registration, a registration hand-off and an issued pass', async () => {
    const tenant = await createTenant();
    const browsers = Array.from({ length: 10 }, () => ({ client: tenant.client(), key: createAuthenticator() }));
    const options = await Promise.all(browsers.map(({ client }) => client.registrationOptions({ username: 'contested' })));
    const responses = await Promise.all(browsers.map(({ key }, i) => key.register(options[i]!)));
    const replies = await race(KIND, 30, (i) =>
      i < 10
        ? browsers[i]!.client.verifyRegistration(responses[i]!)
        : i < 20
          ? tenant.admin.post('/api/admin/temporary-access-passes', { username: 'contested' })
          : tenant.client().post('/api/handoffs', { purpose: 'registration', username: 'contested' }),
    );
    expect(replies.filter((r) => r.status >= 400).every((r) => ['username_taken', 'username_confusable'].includes((r.json as { error: { code: string } }).error.code))).toBe(true);
    expect(tenant.db.prepare("SELECT COUNT(*) FROM users WHERE username = 'contested'").pluck().get()).toBe(1);
  });

  it('the simulator root rotated 20 times at once: one root in the end, every answer one of the roots', async () => {
    const tenant = await createTenant({ ...testConfig(), simulatedDevices: true });
    await race(KIND, 20, () => tenant.admin.post('/api/admin/simulator/rotate', {}));
    const status = await tenant.admin.get('/api/simulator');
    expect(status.status).toBe(200);
    expect(halfStoredRows(tenant.db)).toEqual([]);
  });

  it('the registration campaign is snoozed at most as often as it allows', async () => {
    const tenant = await createTenant();
    await tenant.admin.patch('/api/admin/registration-campaign', { state: 'enabled', includeTargets: [{ id: 'all_users', targetType: 'group', targetedAuthenticationMethod: 'fido2' }] });
    const tap = await issueTap(tenant.admin, { username: 'nudged' });
    const person = tenant.client();
    expect((await signInWithTap(person, 'nudged', tap.temporaryAccessPass)).status).toBe(200);
    await race(KIND, 30, () => person.get('/api/registration-campaign'));
    expect(tenant.db.prepare("SELECT COUNT(*) FROM campaign_log WHERE event = 'nudged'").pluck().get()).toBe(1);
    await race(KIND, 30, () => person.post('/api/registration-campaign/snooze', {}));
    const snoozes = tenant.db.prepare("SELECT campaign_snoozes FROM users WHERE username = 'nudged'").pluck().get() as number;
    expect(snoozes).toBeGreaterThanOrEqual(1);
    expect(snoozes).toBeLessThanOrEqual(3);
    expect(tenant.db.prepare("SELECT COUNT(*) FROM campaign_log WHERE event = 'snoozed'").pluck().get()).toBe(snoozes);
  });
});

describe('replays and session fixation', { timeout: 30_000 }, () => {
  it('a verified sign-in replayed: on the same session, on a new one, and to another session’s challenge', async () => {
    const world = createWorld();
    const key = createAuthenticator();
    const owner = world.client();
    await owner.register(key, 'replayed');
    const options = await owner.authenticationOptions();
    const response = await key.authenticate(options);
    expect((await owner.verifyAuthentication(response)).status).toBe(200);
    const counts = tallyOf('replays of a verified response');
    const attacker = world.client();
    await attacker.authenticationOptions();
    const before = durableState(world.db);
    const replays = [await owner.verifyAuthentication(response), await attacker.verifyAuthentication(response), await world.client().verifyAuthentication(response)];
    counts.requests += replays.length;
    for (const reply of replays) {
      expect(reply.status, reply.text).toBe(400);
      expect(contractProblems(reply)).toEqual([]);
    }
    const diff = (a: string, b: string) => a.split('\n').filter((line) => !b.split('\n').includes(line));
    expect(diff(durableState(world.db), before)).toEqual([]);
    expect(attacker.sessionId === undefined || (await attacker.get('/api/session')).status === 401).toBe(true);
  });

  it('a verified registration replayed stores nothing more', async () => {
    const world = createWorld();
    const client = world.client();
    const key = createAuthenticator();
    const options = await client.registrationOptions({ username: 'once' });
    const response = await key.register(options);
    expect((await client.verifyRegistration(response)).status).toBe(200);
    const before = count(world.db, 'users');
    const stranger = world.client();
    await stranger.registrationOptions({ username: 'twice' });
    const replies = [await client.verifyRegistration(response), await stranger.verifyRegistration(response)];
    tallyOf('replays of a verified response').requests += replies.length;
    for (const reply of replies) expect(reply.status, reply.text).toBeGreaterThanOrEqual(400);
    for (const reply of replies) expect(contractProblems(reply)).toEqual([]);
    expect(count(world.db, 'users')).toBe(before);
  });

  it.each(['registration', 'passkey sign-in', 'pass sign-in', 'hand-off'] as const)('session fixation (%s): the cookie after sign-in is new, and the one before is worth nothing', async (way) => {
    const tenant = await createTenant();
    const victim = tenant.client();
    const planted = 'attacker-chosen-session-id';
    victim.cookies.set(SESSION_COOKIE, planted);
    let before: string | undefined;
    if (way === 'registration') {
      const options = await victim.registrationOptions({ username: 'victim' });
      before = victim.sessionId;
      expect((await victim.verifyRegistration(await createAuthenticator().register(options))).status).toBe(200);
    } else if (way === 'passkey sign-in') {
      const { key } = await newUser(tenant, 'victim');
      const options = await victim.authenticationOptions();
      before = victim.sessionId;
      expect((await victim.verifyAuthentication(await key.authenticate(options))).status).toBe(200);
    } else if (way === 'pass sign-in') {
      const tap = await issueTap(tenant.admin, { username: 'victim' });
      await victim.authenticationOptions();
      before = victim.sessionId;
      expect((await signInWithTap(victim, 'victim', tap.temporaryAccessPass)).status).toBe(200);
    } else {
      const created = await victim.post('/api/handoffs', { purpose: 'sign-in' });
      before = victim.sessionId;
      const id = (created.json as { handoff: { id: string } }).handoff.id;
      expect((await tenant.admin.post(`/api/handoffs/${id}/approve`, {})).status).toBe(200);
      expect((await victim.post(`/api/handoffs/${id}/claim`, {})).status).toBe(200);
    }
    tallyOf('session fixation').requests += 3;
    expect(before).toBeDefined();
    expect(before).not.toBe(planted);
    expect(victim.sessionId).not.toBe(before);
    expect(victim.sessionId).not.toBe(planted);
    for (const old of [planted, before!]) {
      const attacker = tenant.client();
      attacker.cookies.set(SESSION_COOKIE, old);
      expect((await attacker.get('/api/session')).status).toBe(401);
    }
    expect((await victim.get('/api/session')).status).toBe(200);
  });
});

// ---- unbounded tables -------------------------------------------------------------------------------

/**
 * Each table an anonymous client can add rows to, driven through its insert path; after the
 * rows' lifetime and one sweep (src/rp/maintenance/sweep.ts, on a timer in the server) nothing
 * of it is left, or the table is capped. Tables only a signed-in person or an admin can grow are
 * listed in UNBOUNDED_BY_DESIGN with the reason.
 */
describe('no table grows without bound from anonymous input', { timeout: 30_000 }, () => {
  const N = 150;
  const KIND = 'unbounded-table drives (anonymous inserts, then expiry + sweep)';
  const HOUR = 60 * 60 * 1000;

  it('sessions and challenges (anonymous options): in memory only, gone after their short lifetime', async () => {
    const world = createWorld();
    for (let i = 0; i < N; i++) {
      await world.client().post('/api/authentication/options', i % 2 ? {} : { username: `nobody${i}` });
      await world.client().post('/api/registration/options', { username: `newcomer${i}` });
    }
    tallyOf(KIND).requests += 2 * N;
    expect(count(world.db, 'sessions')).toBe(0);
    expect(world.pending.size).toEqual({ anonymousSessions: 2 * N, ceremonies: 2 * N });
    world.clock.advance(HOUR);
    world.pending.sweep(world.clock.now);
    expect(world.pending.size).toEqual({ anonymousSessions: 0, ceremonies: 0 });
  });

  it('one browser repeating its options calls keeps one session and one challenge per ceremony', async () => {
    const world = createWorld();
    const browser = world.client();
    for (let i = 0; i < N; i++) {
      await browser.post('/api/authentication/options', {});
      await browser.post('/api/registration/options', { username: `again${i}` });
    }
    tallyOf(KIND).requests += 2 * N;
    expect(world.pending.size).toEqual({ anonymousSessions: 1, ceremonies: 2 });
  });

  it('hand-offs (anonymous POST /api/handoffs): swept an hour after they expire, by an index', async () => {
    const world = createWorld();
    for (let i = 0; i < N; i++) await world.client().post('/api/handoffs', i % 2 ? { purpose: 'sign-in' } : { purpose: 'registration', username: `phone${i}` });
    tallyOf(KIND).requests += N;
    expect(world.db.prepare('SELECT COUNT(*) FROM handoffs').pluck().get()).toBe(N);
    world.clock.advance(HANDOFF_TTL_MS + HOUR + 1);
    sweep(world.db, world.clock.now, world.config);
    expect(world.db.prepare('SELECT COUNT(*) FROM handoffs').pluck().get()).toBe(0);
    expect(count(world.db, 'sessions')).toBe(0);
    // Creating a hand-off scans nothing: no statement on its path reads the whole table.
    const plans = queryPlan(world.db, 'DELETE FROM handoffs WHERE expires_at < ?');
    expect(plans.join(' ')).toMatch(/USING (?:COVERING )?INDEX handoffs_expires_at/);
  });

  it('Temporary Access Pass failures from made-up usernames: capped by the limits, purged by the sweep', async () => {
    const tenant = await createTenant();
    const replies = await Promise.all(Array.from({ length: N }, (_, i) => signInWithTap(tenant.client(), `made-up-${i}`, 'wrong-pass-123')));
    tallyOf(KIND).requests += N;
    for (const reply of replies) expect(contractProblems(reply)).toEqual([]);
    expect(count(tenant.db, 'tap_failures')).toBeLessThanOrEqual(N);
    tenant.clock.advance(HOUR);
    sweep(tenant.db, tenant.clock.now, tenant.config);
    expect(count(tenant.db, 'tap_failures')).toBe(0);
  });

  it('the sign-in log (every refused attempt is an entry): capped and aged out by the sweep', async () => {
    const world = createWorld({ ...testConfig(), signInLogMaxEntries: 40 });
    for (let i = 0; i < N; i++) {
      const client = world.client();
      const options = await client.registrationOptions({ username: `refused${i}` });
      await client.verifyRegistration(await createAuthenticator().register(options, { origin: 'https://evil.example' }));
    }
    tallyOf(KIND).requests += 2 * N;
    expect(count(world.db, 'sign_in_log')).toBeGreaterThan(40);
    sweep(world.db, world.clock.now, world.config);
    expect(count(world.db, 'sign_in_log')).toBeLessThanOrEqual(40);
    world.clock.advance(400 * 24 * HOUR);
    sweep(world.db, world.clock.now, world.config);
    expect(count(world.db, 'sign_in_log')).toBe(0);
  });

  it('the endpoints that store nothing store nothing (inspect, simulator certificates, metadata, well-known, refused options)', async () => {
    const world = createWorld({ ...testConfig(), simulatedDevices: true });
    await world.client().get('/api/simulator'); // the simulator root, made once
    const before = durableState(world.db);
    const client = world.client();
    for (let i = 0; i < 40; i++) {
      await client.post('/api/inspect', { input: `eyJ0eXBlIjoid2ViYXV0aG4uZ2V0IiwiaSI6${i}In0` });
      await client.post('/api/simulator/attestation-certificate', { publicKey: 'AAAA', aaguid: '00000000-0000-0000-0000-000000000000', preset: 'yubikey-5' });
      await client.get('/api/metadata');
      await client.get('/.well-known/webauthn');
      await client.post('/api/registration/options', { username: '' });
    }
    tallyOf(KIND).requests += 200;
    expect(durableState(world.db)).toBe(before);
  });

  it('the prepared-statement cache (in memory) does not grow with what clients send', async () => {
    const t = await target();
    const drive = async (round: number) => {
      for (let i = 0; i < 30; i++) {
        const tag = `${round}-${i}`;
        await t.tenant.admin.get(`/api/admin/sign-in-log?username=u${tag}&result=r${tag}&ceremony=registration&limit=${i + 1}`);
        await t.tenant.admin.get(`/api/admin/sign-in-log?result=failure&limit=${i + 1}`);
        await t.tenant.client().post('/api/authentication/options', { username: `who${tag}` });
        await t.tenant.client().post('/api/handoffs', { purpose: 'registration', username: `hand${tag}` });
        await t.tenant.client().get(`/api/handoffs/by-code/${tag}`);
      }
    };
    await drive(0);
    const warmed = preparedSql(t.tenant.db).length;
    await drive(1);
    tallyOf(KIND).requests += 300;
    expect(preparedSql(t.tenant.db).length).toBe(warmed);
  });

  /**
   * What anonymous input can still add without a limit, by design: self-service registration
   * makes an account and a passkey per completed ceremony (turn it off in the passkey policy,
   * isSelfServiceRegistrationAllowed, and only a Temporary Access Pass can start one).
   */
  const UNBOUNDED_BY_DESIGN = { users: 'self-service registration (one per completed ceremony)', credentials: 'the passkey of each such account' };

  it('lists the tables anonymous input can grow for good, and nothing else', async () => {
    const world = createWorld();
    for (let i = 0; i < 20; i++) await newUser(world, `signup${i}`);
    tallyOf(KIND).requests += 40;
    world.clock.advance(400 * 24 * HOUR);
    sweep(world.db, world.clock.now, world.config);
    const left = tableNames(world.db).filter((name) => (world.db.prepare(`SELECT COUNT(*) FROM "${name}"`).pluck().get() as number) > 0);
    expect(left.filter((name) => !['lab_secrets', 'tenant_settings', 'simulator_root'].includes(name)).sort()).toEqual(Object.keys(UNBOUNDED_BY_DESIGN).sort());
  });
});

// ---- the page server ----------------------------------------------------------------------------------

describe('the page server (static files, encodings, huge requests, methods)', { timeout: 30_000 }, () => {
  const SECRET = 'TOP-SECRET-OUTSIDE-DIST';

  /** A built SPA in a temporary folder, with a secret file beside it that must never be served. */
  function webServer() {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'passkey-lab-attack-'));
    const dist = path.join(root, 'dist');
    fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'secret.txt'), SECRET);
    fs.writeFileSync(path.join(root, 'package.json'), `{"name":"${SECRET}"}`);
    fs.writeFileSync(path.join(dist, 'index.html'), '<html><head><title>Lab</title></head><body><div id="root"></div></body></html>');
    const script = 'console.log("app");'.repeat(200);
    fs.writeFileSync(path.join(dist, 'assets', 'app.js'), script);
    fs.writeFileSync(path.join(dist, 'assets', 'app.js.br'), brotliCompressSync(script));
    fs.writeFileSync(path.join(dist, 'assets', 'app.js.gz'), gzipSync(script));
    const branding = brandingSchema.parse({ organisation: 'Contoso', appName: 'Contoso Sign-in', accentColor: '#0f766e' });
    return createWebServer({ config: testConfig(), db: openDatabase(':memory:'), branding, distDir: dist });
  }

  type Server = ReturnType<typeof webServer>;

  async function ask(server: Server, kind: string, url: string, init: RequestInit = {}): Promise<{ reply: Reply; problems: string[] }> {
    const response = await server.request(url.startsWith('http') ? url : `http://localhost:3000${url}`, init);
    const text = init.method === 'HEAD' ? '' : await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    const reply: Reply = { status: response.status, headers: response.headers, text, json, setCookies: [] };
    const counts = tallyOf(kind);
    counts.requests++;
    if (reply.status >= 500) counts.fiveXx++;
    const problems = init.method === 'HEAD' ? (reply.status >= 500 ? [`status ${reply.status}`] : []) : contractProblems(reply, { htmlAllowed: true });
    // A static file answers with its own type; only errors and API answers must be JSON.
    if (problems.length && reply.status < 400 && /javascript|text\/plain|octet-stream/.test(reply.headers.get('content-type') ?? '') && !INTERNAL_TEXT.test(text)) problems.length = 0;
    // A static file's unsatisfiable Range is plain HTTP (RFC 9110 §15.5.17: 416, no body), not an API answer.
    if (reply.status === 416 && url.startsWith('/assets/') && text === '') problems.length = 0;
    if (text.includes(SECRET) || /root:x:0:0/.test(text)) problems.push('served a file outside dist');
    return { reply, problems: problems.map((problem) => `${init.method ?? 'GET'} ${url.slice(0, 80)} → ${reply.status}: ${problem}`) };
  }

  it('path traversal in every spelling serves nothing outside dist', async () => {
    const server = webServer();
    const paths = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/assets/%252e%252e/%252e%252e/secret.txt',
      '/assets/%c0%ae%c0%ae/secret.txt',
      '/assets/....//....//secret.txt',
      '/..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/assets/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
      '//etc/passwd',
      '/assets//etc/passwd',
      '/assets/%00',
      '/assets/app.js%00.html',
      '/assets/%ZZ',
      '/%ED%A0%80',
      '/assets/app.js/',
      '/assets/',
      '/assets',
      '/package.json',
      '/../package.json',
      '/index.html/../../secret.txt',
      '/api/../../secret.txt',
      '/api/%2e%2e/%2e%2e/secret.txt',
    ];
    const problems: string[] = [];
    for (const url of paths) problems.push(...(await ask(server, 'page server: path traversal', url)).problems);
    expect(problems).toEqual([]);
  });

  it('odd Accept-Encoding: never a 5xx, and only an encoding the client accepted', async () => {
    const server = webServer();
    const encodings = ['br;q=0, gzip;q=0', '*', '*;q=0', 'identity;q=0', 'gzip, gzip, gzip', 'x'.repeat(10_000), 'br;q=NaN', 'br;q=-1, gzip;q=2', '', ', , ,', 'compress', 'deflate', 'zstd', 'BR', 'gzip;q=0.5, br;q=0.9'];
    const problems: string[] = [];
    for (const url of ['/', '/assets/app.js', '/api/metadata', '/register']) {
      for (const encoding of encodings) {
        const { reply, problems: found } = await ask(server, 'page server: odd Accept-Encoding', url, { headers: { 'accept-encoding': encoding } });
        problems.push(...found.map((problem) => `${problem} (Accept-Encoding ${encoding.slice(0, 30)})`));
        const used = reply.headers.get('content-encoding');
        if (used && !new RegExp(`(?:^|[\\s,])(?:${used}|\\*)(?![\\w])(?!;q=0(?:\\.0*)?(?:[\\s,]|$))`, 'i').test(encoding)) {
          problems.push(`${url} sent ${used} for Accept-Encoding ${encoding.slice(0, 30)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('huge URLs, queries, headers and cookies', async () => {
    const server = webServer();
    const many: Record<string, string> = {};
    for (let i = 0; i < 300; i++) many[`x-header-${i}`] = 'v'.repeat(100);
    const cases: [string, RequestInit][] = [
      [`/${'a'.repeat(100_000)}`, {}],
      [`/assets/${'b'.repeat(100_000)}.js`, {}],
      [`/api/${'c'.repeat(100_000)}`, {}],
      [`/?${'q=1&'.repeat(20_000)}`, {}],
      [`/api/session?${'q'.repeat(100_000)}`, {}],
      ['/', { headers: { 'x-big': 'h'.repeat(200_000) } }],
      ['/api/session', { headers: { cookie: `${SESSION_COOKIE}=${'k'.repeat(100_000)}` } }],
      ['/api/session', { headers: { cookie: Array.from({ length: 2000 }, (_, i) => `c${i}=${i}`).join('; ') } }],
      ['/api/metadata', { headers: many }],
      ...['bytes=999999999-', 'bytes=-0', 'bytes=5-1', 'bytes=abc', 'bytes=0-1,2-3,4-5', `bytes=${'0-1,'.repeat(2000)}0-1`, 'items=0-1'].flatMap((range): [string, RequestInit][] => [
        ['/assets/app.js', { headers: { range } }],
        ['/assets/app.js', { headers: { range, 'accept-encoding': 'br' } }],
        ['/', { headers: { range } }],
      ]),
      ['/assets/app.js', { headers: { 'if-none-match': 'x'.repeat(10_000), 'if-modified-since': 'not a date' } }],
      ['/assets/app.js', { headers: { 'if-modified-since': 'Tue, 01 Jan 2999 00:00:00 GMT' } }],
      ['/api/authentication/options', { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN, 'content-length': '99999999999999999999' }, body: '{}' }],
      ['/api/authentication/options', { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN, 'content-length': '-1' }, body: '{}' }],
      ['/api/authentication/options', { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN, 'content-length': 'abc' }, body: '{}' }],
    ];
    const problems: string[] = [];
    for (const [url, init] of cases) problems.push(...(await ask(server, 'page server: huge URLs and headers', url, init)).problems);
    expect(problems).toEqual([]);
  });

  it('HEAD, OPTIONS and methods no route allows', async () => {
    const server = webServer();
    const problems: string[] = [];
    for (const url of ['/', '/index.html', '/register', '/assets/app.js', '/assets/missing.js', '/api/session', '/api/metadata', '/api/authentication/options', '/.well-known/webauthn', '/favicon.ico']) {
      for (const method of ['HEAD', 'OPTIONS', 'PUT', 'PATCH', 'DELETE', 'POST', 'PROPFIND', 'FOO']) {
        const init: RequestInit = { method, headers: { origin: ORIGIN, 'content-type': 'application/json' } };
        if (!['HEAD'].includes(method)) init.body = '{}';
        const { reply, problems: found } = await ask(server, 'page server: HEAD, OPTIONS, other methods', url, init);
        problems.push(...found);
        if (!url.startsWith('/api') && !['HEAD', 'OPTIONS'].includes(method) && reply.status < 400) problems.push(`${method} ${url} → ${reply.status}: a page accepted ${method}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

afterAll(() => {
  const rows = [...tally].map(([kind, t]) => `| ${kind} | ${t.requests} | ${t.fiveXx} | ${t.halfStored} |`);
  if (process.env.ATTACK_SWEEP_REPORT) console.log(['| class of bad input | requests | 5xx | half-stored |', '|---|---|---|---|', ...rows].join('\n'));
});
