/**
 * Presenter mode, for trainers in front of a room: notes beside each step of a flow, and an
 * optional large type for projectors. Kept in localStorage so a reload keeps the room's setup;
 * read by the layout (the switches) and by the routes that show the notes.
 */
import { useSyncExternalStore } from 'react';

export interface PresenterSettings {
  enabled: boolean;
  largeType: boolean;
}

const KEY = 'passkey-lab:presenter';
const listeners = new Set<() => void>();
let current: PresenterSettings = read();

function read(): PresenterSettings {
  try {
    const value = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? 'null') as Partial<PresenterSettings> | null;
    return { enabled: value?.enabled === true, largeType: value?.largeType === true };
  } catch {
    return { enabled: false, largeType: false };
  }
}

/** Large type scales the whole page (rem-based sizes) through a class on <html>. */
function apply(settings: PresenterSettings): void {
  globalThis.document?.documentElement.classList.toggle('large-type', settings.enabled && settings.largeType);
}
apply(current);

export function setPresenterSettings(change: Partial<PresenterSettings>): void {
  current = { ...current, ...change };
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(current));
  } catch {
    // Private mode or storage full: the setting lasts until the page is closed.
  }
  apply(current);
  for (const listener of listeners) listener();
}

export function usePresenterSettings(): PresenterSettings {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
