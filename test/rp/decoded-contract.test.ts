/**
 * The decoded parts the relying party sends are the contract's (src/shared/decoded.ts): every
 * report and every decoder answer parses with the shared schemas, and parsing keeps all of it
 * (zod drops members a schema does not name, so an equal result means none were unnamed).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspect } from '../../src/rp/inspect/inspect';
import { inspectResultSchema } from '../../src/shared/decoded';
import { reportSchema } from '../../src/shared/schemas';
import { createAuthenticator } from '../soft-authenticator';
import { createWorld } from './helpers';

const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('report.decoded', () => {
  it('a registration and a sign-in report parse as they are, with every decoded part typed', async () => {
    const client = createWorld().client();
    const authenticator = createAuthenticator();
    const registered = await client.register(authenticator, 'alice');
    const signedIn = await client.signIn(authenticator);
    for (const report of [registered.report, signedIn.report]) expect(reportSchema.parse(asJson(report))).toEqual(asJson(report));
    const registration = reportSchema.parse(registered.report);
    if (registration.ceremony !== 'registration') throw new Error('expected a registration report');
    expect(Object.keys(registration.decoded).sort()).toEqual(['attestation', 'attestationTrust', 'clientData', 'extensions', 'transports']);
    expect(registration.decoded.attestationTrust).toEqual({ trust: 'not applicable', message: expect.any(String) });
    const authentication = reportSchema.parse(signedIn.report);
    if (authentication.ceremony !== 'authentication') throw new Error('expected an authentication report');
    expect(Object.keys(authentication.decoded).sort()).toEqual(['authenticatorAttachment', 'authenticatorData', 'clientData', 'extensions', 'signature', 'userHandle']);
  });

  it('a refused sign-in’s report parses too', async () => {
    const client = createWorld().client();
    const authenticator = createAuthenticator();
    await client.register(authenticator, 'alice');
    const reply = await client.verifyAuthentication(await authenticator.authenticate(await client.authenticationOptions(), { origin: 'https://phish.example' }));
    const { report } = reply.json as { report: unknown };
    expect(reportSchema.parse(report)).toEqual(report);
  });

  it('the schema refuses a decoded part of the wrong shape', () => {
    const report = { ceremony: 'authentication', options: null, checks: [], decoded: { authenticatorData: { flags: { up: true } } } };
    expect(reportSchema.safeParse(report).success).toBe(false);
  });
});

describe('the decoder’s answer', () => {
  const FIXTURES = new URL('./fixtures/webauthn-real/', import.meta.url);
  const fixtures = readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as { name: string; input: { response: Record<string, unknown> } });

  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s parses as InspectResult, whole and part by part', async (_name, fixture) => {
    const results = [await inspect(fixture.input)];
    for (const part of ['attestationObject', 'authenticatorData', 'clientDataJSON']) {
      const value = fixture.input.response[part];
      if (typeof value === 'string') results.push(await inspect(value));
    }
    for (const result of results) expect(inspectResultSchema.parse(asJson(result))).toEqual(asJson(result));
  });

  it('a software authenticator’s registration decodes to the same shapes', async () => {
    const options = await createWorld().client().registrationOptions({ username: 'bob' });
    const response = await createAuthenticator().register(options);
    const result = await inspect(response);
    expect(result.kind).toBe('registration');
    expect(inspectResultSchema.parse(asJson(result))).toEqual(asJson(result));
  });
});
