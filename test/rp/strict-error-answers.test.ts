/**
 * The error answer itself cannot fail: whatever a handler throws, and whatever the report it
 * carries holds, the client gets the contract's JSON body (never Hono's text/plain 500).
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { answerAnyThrow, answerError, RpError } from '../../src/rp/http/rp-error';
import type { CeremonyReport } from '../../src/shared/schemas';

function appThrowing(thrown: () => unknown) {
  const app = new Hono().use(answerAnyThrow).get('/', () => {
    throw thrown();
  });
  app.onError((error, c) => answerError(c, error));
  return app;
}

async function answer(thrown: () => unknown) {
  const response = await appThrowing(thrown).request('/');
  return { status: response.status, type: response.headers.get('content-type'), body: JSON.parse(await response.text()) as Record<string, unknown> };
}

describe('answerError', () => {
  it('an RpError whose report cannot be serialised (a cycle) answers its code without the report', async () => {
    const report = { ceremony: 'authentication', options: null, decoded: {}, checks: [] } as unknown as CeremonyReport & { decoded: Record<string, unknown> };
    report.decoded.self = report;
    const reply = await answer(() => new RpError('signature_invalid', undefined, undefined, report));
    expect(reply).toMatchObject({ status: 400, type: 'application/json', body: { error: { code: 'signature_invalid' } } });
    expect(reply.body.report).toBeUndefined();
  });

  it('an RpError whose report is nested 10,000 levels deep answers its code', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i += 1) deep = { a: deep };
    const report = { ceremony: 'registration', options: null, decoded: { extensions: deep }, checks: [] } as unknown as CeremonyReport;
    const reply = await answer(() => new RpError('attestation_invalid', undefined, undefined, report));
    expect(reply).toMatchObject({ status: 400, type: 'application/json', body: { error: { code: 'attestation_invalid' } } });
  });

  it.each([
    ['a stack overflow', () => new RangeError('Maximum call stack size exceeded')],
    ['a thrown string', () => 'boom'],
    ['a thrown object whose toString throws', () => ({ toString: () => { throw new Error('no'); } })],
    ['null', () => null],
  ])('%s answers 500 internal_error as JSON, with no details', async (_, thrown) => {
    const reply = await answer(thrown);
    expect(reply).toMatchObject({ status: 500, type: 'application/json', body: { error: { code: 'internal_error' } } });
    expect(JSON.stringify(reply.body)).not.toMatch(/boom|Maximum|stack/);
  });
});
