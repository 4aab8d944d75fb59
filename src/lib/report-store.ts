/**
 * This browser session's recent ceremonies, for the inspector: the last 20 reports, newest
 * first, in sessionStorage (gone when the tab closes). Written whenever a verify call returns
 * a report, accepted or refused. The list logic is pure and unit-tested; the storage is
 * injected so tests run in Node.
 */
import type { CeremonyReport } from '../shared/schemas';
import { ApiError, isCeremonyReport } from './api-client';
import type { CeremonyOutcome } from './ceremony-report';

export const MAX_RECENT_CEREMONIES = 20;
export const STORAGE_KEY = 'passkey-lab:recent-ceremonies';

export interface CeremonyEntry {
  id: string;
  /** ISO-8601, when the verify call answered. */
  at: string;
  outcome: CeremonyOutcome;
  report: CeremonyReport;
}

/** The new entry first, then the others, at most `max` in all. */
export function addEntry(entries: readonly CeremonyEntry[], entry: CeremonyEntry, max = MAX_RECENT_CEREMONIES): CeremonyEntry[] {
  return [entry, ...entries.filter((other) => other.id !== entry.id)].slice(0, max);
}

function isEntry(value: unknown): value is CeremonyEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<Record<keyof CeremonyEntry, unknown>>;
  return typeof entry.id === 'string' && typeof entry.at === 'string' && typeof entry.outcome === 'string' && isCeremonyReport(entry.report);
}

/** Whatever the storage held: a list of entries, or an empty list when it is missing or damaged. */
export function parseEntries(text: string | null): CeremonyEntry[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter(isEntry).slice(0, MAX_RECENT_CEREMONIES) : [];
  } catch {
    return [];
  }
}

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function defaultStorage(): KeyValueStorage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null; // storage blocked (privacy settings): the inspector just stays empty
  }
}

let counter = 0;
function newId(now: Date): string {
  counter += 1;
  return `${now.getTime().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

export function createReportStore(getStorage: () => KeyValueStorage | null = defaultStorage) {
  const listeners = new Set<() => void>();
  let snapshot: CeremonyEntry[] | null = null;

  function read(): CeremonyEntry[] {
    if (snapshot === null) snapshot = parseEntries(getStorage()?.getItem(STORAGE_KEY) ?? null);
    return snapshot;
  }

  function write(entries: CeremonyEntry[]) {
    snapshot = entries;
    try {
      const storage = getStorage();
      if (entries.length === 0) storage?.removeItem(STORAGE_KEY);
      else storage?.setItem(STORAGE_KEY, JSON.stringify(entries));
    } catch {
      // Full or blocked storage: the list still lives for this page.
    }
    for (const listener of listeners) listener();
  }

  return {
    /** Newest first; the same array until something changes (for useSyncExternalStore). */
    list: read,
    record(report: CeremonyReport, outcome: CeremonyOutcome, now: Date = new Date()): CeremonyEntry {
      const entry: CeremonyEntry = { id: newId(now), at: now.toISOString(), outcome, report };
      write(addEntry(read(), entry));
      return entry;
    },
    clear() {
      write([]);
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type ReportStore = ReturnType<typeof createReportStore>;

/** The one store of this tab. */
export const reportStore = createReportStore();

/**
 * Awaits a verify call and records its report: accepted, or refused with the error code
 * (an ApiError that carries a report). The answer or the error is passed on unchanged.
 */
export async function recordVerifyCall<T extends { report?: CeremonyReport | undefined }>(call: Promise<T>, store: ReportStore = reportStore): Promise<T> {
  try {
    const verified = await call;
    if (isCeremonyReport(verified.report)) store.record(verified.report, 'accepted');
    return verified;
  } catch (error) {
    if (error instanceof ApiError && error.report) store.record(error.report, error.code);
    throw error;
  }
}
