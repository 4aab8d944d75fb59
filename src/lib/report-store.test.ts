import { describe, expect, it } from 'vitest';
import type { CeremonyReport } from '../shared/schemas';
import { ApiError } from './api-client';
import { addEntry, type CeremonyEntry, createReportStore, MAX_RECENT_CEREMONIES, parseEntries, recordVerifyCall, STORAGE_KEY } from './report-store';

const report = (ceremony: CeremonyReport['ceremony'] = 'registration'): CeremonyReport => ({
  ceremony,
  options: { challenge: 'abc' },
  decoded: {},
  checks: [{ id: 'challenge', passed: true, message: 'ok' }],
});

const entry = (id: string): CeremonyEntry => ({ id, at: '2025-03-01T10:00:00.000Z', outcome: 'accepted', report: report() });

function memoryStorage() {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
}

describe('addEntry', () => {
  it('puts the new entry first and keeps at most 20', () => {
    let entries: CeremonyEntry[] = [];
    for (let i = 1; i <= 25; i += 1) entries = addEntry(entries, entry(`e${i}`));
    expect(entries).toHaveLength(MAX_RECENT_CEREMONIES);
    expect(entries[0]?.id).toBe('e25');
    expect(entries.at(-1)?.id).toBe('e6');
  });
});

describe('parseEntries', () => {
  it('reads what was stored and survives damage', () => {
    expect(parseEntries(null)).toEqual([]);
    expect(parseEntries('not json')).toEqual([]);
    expect(parseEntries('{"a":1}')).toEqual([]);
    expect(parseEntries(JSON.stringify([entry('a'), { id: 'broken' }]))).toEqual([entry('a')]);
  });
});

describe('createReportStore', () => {
  it('records newest first into the storage, notifies, and clears', () => {
    const storage = memoryStorage();
    const store = createReportStore(() => storage);
    let notified = 0;
    store.subscribe(() => (notified += 1));
    store.record(report('registration'), 'accepted', new Date('2025-03-01T10:00:00.000Z'));
    store.record(report('authentication'), 'signature_invalid', new Date('2025-03-01T10:01:00.000Z'));
    expect(store.list().map((e) => [e.report.ceremony, e.outcome])).toEqual([
      ['authentication', 'signature_invalid'],
      ['registration', 'accepted'],
    ]);
    expect(notified).toBe(2);
    // A new page (a new store over the same storage) reads the same list.
    expect(createReportStore(() => storage).list()).toEqual(store.list());
    store.clear();
    expect(store.list()).toEqual([]);
    expect(storage.values.has(STORAGE_KEY)).toBe(false);
  });

  it('returns the same array until something changes', () => {
    const store = createReportStore(() => memoryStorage());
    expect(store.list()).toBe(store.list());
  });

  it('still works without storage', () => {
    const store = createReportStore(() => null);
    store.record(report(), 'accepted');
    expect(store.list()).toHaveLength(1);
  });
});

describe('recordVerifyCall', () => {
  it('records an accepted ceremony and passes the answer on', async () => {
    const store = createReportStore(() => memoryStorage());
    const answer = { verified: true, report: report() };
    await expect(recordVerifyCall(Promise.resolve(answer), store)).resolves.toBe(answer);
    expect(store.list()[0]?.outcome).toBe('accepted');
  });

  it('records a refusal with its error code and rethrows', async () => {
    const store = createReportStore(() => memoryStorage());
    const error = new ApiError({ status: 400, code: 'signature_invalid', message: 'no', report: report('authentication') });
    await expect(recordVerifyCall(Promise.reject(error), store)).rejects.toBe(error);
    expect(store.list()[0]).toMatchObject({ outcome: 'signature_invalid', report: { ceremony: 'authentication' } });
  });

  it('records nothing for an error without a report', async () => {
    const store = createReportStore(() => memoryStorage());
    await expect(recordVerifyCall(Promise.reject(new ApiError({ status: 0, code: 'network_error', message: 'x' })), store)).rejects.toThrow();
    expect(store.list()).toEqual([]);
  });
});
