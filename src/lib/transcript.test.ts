import { describe, expect, it } from 'vitest';
import type { CeremonyReport } from '../shared/schemas';
import { buildTranscript, buildTranscriptBundle, isSecretName, transcriptFileName, withoutSecrets } from './transcript';

const report: CeremonyReport = {
  ceremony: 'authentication',
  options: { challenge: 'Y2hhbGxlbmdl', rpId: 'localhost', userVerification: 'required' },
  decoded: {
    clientData: { type: 'webauthn.get', challenge: 'Y2hhbGxlbmdl', origin: 'http://localhost:5173', raw: { type: 'webauthn.get', challenge: 'Y2hhbGxlbmdl', origin: 'http://localhost:5173' } },
    authenticatorData: { rpIdHash: '49960de5', flags: { up: true, uv: true, be: false, bs: false, at: false, ed: false, value: 0x05 }, signCount: 3 },
  },
  checks: [
    { id: 'challenge', passed: true, message: 'ok' },
    { id: 'signature', passed: false, message: 'The signature did not verify.', code: 'signature_invalid' },
  ],
};

describe('buildTranscript', () => {
  it('labels the lab, the time, the ceremony and the outcome', () => {
    const at = new Date('2025-03-01T10:15:00.000Z');
    expect(buildTranscript(report, 'signature_invalid', at)).toEqual({
      lab: 'Passkey Lab',
      exportedAt: '2025-03-01T10:15:00.000Z',
      ceremony: 'authentication',
      outcome: 'signature_invalid',
      report,
    });
    expect(buildTranscript({ ...report, ceremony: 'registration' }, 'accepted', at)).toMatchObject({
      ceremony: 'registration',
      outcome: 'accepted',
    });
  });

  it('keeps the challenge (no longer secret once used) but drops secret-named members anywhere', () => {
    const leaky = {
      ...report,
      options: { ...(report.options as object), session: 'abc', sessionId: 'def' },
      decoded: { ...report.decoded, extra: { privateKey: 'MIIE…', cookie: 'sid=1', tapCode: '123456', nested: [{ password: 'x', keep: 1 }] } },
    } as unknown as CeremonyReport; // `extra`: a member the contract does not have, as a leak would be
    const transcript = buildTranscript(leaky, 'accepted');
    const text = JSON.stringify(transcript);
    for (const secret of ['abc', 'def', 'MIIE', 'sid=1', '123456', '"password"']) expect(text).not.toContain(secret);
    expect(text).toContain('Y2hhbGxlbmdl');
    expect((transcript.report.decoded as Record<string, unknown>).extra).toEqual({ nested: [{ keep: 1 }] });
  });

  it('does not change the report it was given', () => {
    const copy = structuredClone(report);
    buildTranscript(report, 'accepted');
    expect(report).toEqual(copy);
  });
});

describe('isSecretName / withoutSecrets', () => {
  it('recognises secret names whatever their case and separators, and leaves ordinary ones', () => {
    for (const name of ['session', 'Session_Id', 'set-cookie', 'private_key', 'TAP', 'temporaryAccessPass', 'accessToken']) {
      expect(isSecretName(name)).toBe(true);
    }
    for (const name of ['challenge', 'tokenBinding', 'userHandle', 'credentialId', 'publicKey', 'sessionless']) {
      expect(isSecretName(name)).toBe(false);
    }
  });

  it('keeps everything else as it was', () => {
    expect(withoutSecrets({ a: [1, { b: null }], c: 'd' })).toEqual({ a: [1, { b: null }], c: 'd' });
  });
});

describe('buildTranscriptBundle', () => {
  it('holds every entry with its time and outcome, in the order given', () => {
    const bundle = buildTranscriptBundle(
      [
        { at: '2025-03-01T10:16:00.000Z', outcome: 'accepted', report: { ...report, ceremony: 'registration' } },
        { at: '2025-03-01T10:15:00.000Z', outcome: 'signature_invalid', report },
      ],
      new Date('2025-03-01T11:00:00.000Z'),
    );
    expect(bundle.lab).toBe('Passkey Lab');
    expect(bundle.exportedAt).toBe('2025-03-01T11:00:00.000Z');
    expect(bundle.ceremonies.map((c) => [c.at, c.ceremony, c.outcome])).toEqual([
      ['2025-03-01T10:16:00.000Z', 'registration', 'accepted'],
      ['2025-03-01T10:15:00.000Z', 'authentication', 'signature_invalid'],
    ]);
  });
});

describe('transcriptFileName', () => {
  it('is safe on every file system', () => {
    expect(transcriptFileName('registration', new Date('2025-03-01T10:15:07.123Z'))).toBe('passkey-lab-registration-2025-03-01T10-15-07Z.json');
  });
});
