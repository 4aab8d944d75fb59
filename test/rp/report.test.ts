import { describe, expect, it } from 'vitest';
import { type CeremonyReport, reportSchema } from '../../src/shared/schemas';
import { createAuthenticator } from '../soft-authenticator';
import { createWorld } from './helpers';

const ids = (report: CeremonyReport) => report.checks.map((check) => check.id);
const lastCheck = (report: CeremonyReport) => report.checks.at(-1);

async function registered() {
  const world = createWorld();
  const client = world.client();
  const authenticator = createAuthenticator();
  const verified = await client.register(authenticator, 'alice');
  return { world, client, authenticator, verified };
}

describe('ceremony report', () => {
  it('a registration lists every check in order, all passed, with the options and decoded clientData', async () => {
    const { verified } = await registered();
    const report = reportSchema.parse(verified.report);
    expect(report.ceremony).toBe('registration');
    expect(ids(report)).toEqual(['challenge', 'origin', 'type', 'rpIdHash', 'userPresence', 'userVerification', 'backupFlags', 'credentialId', 'publicKey', 'attestation', 'credentialUnique', 'policy']);
    expect(report.checks.every((check) => check.passed)).toBe(true);
    expect(report.options).toMatchObject({ rp: { id: 'localhost' }, user: { name: 'alice' } });
    expect(report.decoded).toMatchObject({ clientData: { type: 'webauthn.create', origin: 'http://localhost:3000' } });
  });

  it('the verify answers are the contract’s JSON, the report (serialised once, before the commit) last', async () => {
    const world = createWorld();
    const client = world.client();
    const authenticator = createAuthenticator();
    const registration = await client.verifyRegistration(await authenticator.register(await client.registrationOptions({ username: 'alice' })));
    const signIn = await client.verifyAuthentication(await authenticator.authenticate(await client.authenticationOptions()));
    for (const reply of [registration, signIn]) {
      expect(reply.status, reply.text).toBe(200);
      expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
      expect(Object.keys(reply.json as object)).toEqual(['verified', 'user', 'credential', 'report']);
      expect(reportSchema.parse((reply.json as { report: unknown }).report).checks.every((check) => check.passed)).toBe(true);
    }
  });

  it('a sign-in lists the credential, signature and counter checks', async () => {
    const { client, authenticator } = await registered();
    const verified = await client.signIn(authenticator);
    expect(ids(verified.report)).toEqual([
      'challenge',
      'origin',
      'type',
      'credential',
      'userHandle',
      'rpIdHash',
      'userPresence',
      'userVerification',
      'backupFlags',
      'signature',
      'counter',
      'policy',
    ]);
    expect(verified.report.checks.every((check) => check.passed)).toBe(true);
  });

  it.each([
    ['origin', { origin: 'https://phish.example' }, 'origin_mismatch'],
    ['userVerification', { flags: { uv: false } }, 'user_verification_required'],
    ['backupFlags', { flags: { be: false, bs: true } }, 'invalid_request'],
    ['signature', { badSignature: true }, 'signature_invalid'],
    ['counter', { counter: 0 }, 'counter_regression'],
  ] as const)('a refused sign-in explains itself: the last check is the failed %s', async (id, overrides, code) => {
    const { client, authenticator } = await registered();
    await client.signIn(authenticator); // counter 1 stored
    const options = await client.authenticationOptions();
    const reply = await client.verifyAuthentication(await authenticator.authenticate(options, overrides));
    const body = reply.json as { error: { code: string }; report: unknown };
    expect(body.error.code).toBe(code);
    const report = reportSchema.parse(body.report);
    expect(lastCheck(report)).toMatchObject({ id, passed: false, code });
    expect(report.checks.slice(0, -1).every((check) => check.passed)).toBe(true);
  });

  it('carries nothing secret: no session id, no private key material', async () => {
    const { client, verified } = await registered();
    const text = JSON.stringify(verified.report);
    expect(client.sessionId).toBeDefined();
    expect(text).not.toContain(client.sessionId!);
    // "-----BEGIN", not "BEGIN": the report's random base64url ids spell b-e-g-i-n (any case) now and then.
    expect(text).not.toMatch(/private|-----BEGIN/i);
  });
});
