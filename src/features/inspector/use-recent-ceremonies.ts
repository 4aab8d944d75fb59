import { useSyncExternalStore } from 'react';
import { type CeremonyEntry, reportStore } from '../../lib/report-store';

const noEntries: CeremonyEntry[] = [];

/** This browser session's recent ceremonies, newest first; re-renders when one is added or the list is cleared. */
export function useRecentCeremonies(): CeremonyEntry[] {
  return useSyncExternalStore(reportStore.subscribe, reportStore.list, () => noEntries);
}
