/**
 * Practice mode's state for this tab: which simulated device is on (kept in sessionStorage, so it
 * survives a reload in this tab and no other), whether prompts approve themselves, and whether
 * the "Choose a simulated device" dialog is open. A tiny external store: the page buttons, the
 * header menu and the lazily loaded simulator share it without importing each other.
 */
import { useSyncExternalStore } from 'react';
import { isPresetId } from '../../../testkit/core/presets';
import type { PresetId } from '../../../testkit/core/types';

export const PRACTICE_STORAGE_KEY = 'passkey-lab:practice-mode';

export interface PracticeState {
  /** The simulated device in use, or null when practice mode is off. */
  preset: PresetId | null;
  /** Prompts answer "Approve" by themselves (for presenters). Autofill still waits for a pick. */
  autoApprove: boolean;
  /** The chooser dialog is open. */
  chooserOpen: boolean;
  /** Changes whenever practice mode goes on or off: the page is rendered again around the new navigator. */
  epoch: number;
  /** Where focus goes once the page is rendered again. */
  focusAfterSwitch: 'banner' | 'heading' | null;
}

interface Saved {
  preset: PresetId;
  autoApprove: boolean;
}

/** Reads what this tab chose; anything that does not look right counts as "off". */
export function readSaved(storage: Pick<Storage, 'getItem'> | undefined): Saved | null {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(PRACTICE_STORAGE_KEY) ?? 'null');
    if (!parsed || typeof parsed !== 'object') return null;
    const { preset, autoApprove } = parsed as Record<string, unknown>;
    return isPresetId(preset) ? { preset, autoApprove: autoApprove === true } : null;
  } catch {
    return null;
  }
}

function sessionStore(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined; // storage blocked: practice mode still works, for this page load
  }
}

const saved = readSaved(sessionStore());
let state: PracticeState = { preset: saved?.preset ?? null, autoApprove: saved?.autoApprove ?? false, chooserOpen: false, epoch: 0, focusAfterSwitch: null };
const listeners = new Set<() => void>();
/** The element that opened the chooser: focus goes back there when it closes without a choice. */
let chooserOpener: HTMLElement | null = null;

export function focusMainHeading(): void {
  const heading = document.querySelector<HTMLElement>('#main h1');
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus();
}

function persist() {
  try {
    const storage = sessionStore();
    if (!storage) return;
    if (state.preset) storage.setItem(PRACTICE_STORAGE_KEY, JSON.stringify({ preset: state.preset, autoApprove: state.autoApprove } satisfies Saved));
    else storage.removeItem(PRACTICE_STORAGE_KEY);
  } catch {
    // Full or blocked storage: the choice lasts until the next reload.
  }
}

function update(patch: Partial<PracticeState>) {
  state = { ...state, ...patch };
  persist();
  for (const listener of listeners) listener();
}

export const practiceStore = {
  get: (): PracticeState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  openChooser(opener: HTMLElement | null) {
    chooserOpener = opener;
    update({ chooserOpen: true });
  },
  /** Closed without a choice: focus back on what opened it (when it is still on the page). */
  closeChooser() {
    update({ chooserOpen: false });
    const opener = chooserOpener;
    chooserOpener = null;
    // A menu item is hidden once the menu has closed: the page's heading takes focus instead.
    if (opener?.isConnected && opener.getClientRects().length > 0) opener.focus();
    else focusMainHeading();
  },
  /** The simulator is installed for `preset`: the page is rendered again, focus goes to the banner. */
  switchedOn(preset: PresetId) {
    chooserOpener = null;
    update({ preset, chooserOpen: false, epoch: state.epoch + 1, focusAfterSwitch: 'banner' });
  },
  switchedOff() {
    update({ preset: null, autoApprove: false, chooserOpen: false, epoch: state.epoch + 1, focusAfterSwitch: 'heading' });
  },
  setAutoApprove(autoApprove: boolean) {
    update({ autoApprove });
  },
  focusHandled() {
    state = { ...state, focusAfterSwitch: null };
  },
};

export function usePracticeMode(): PracticeState {
  return useSyncExternalStore(practiceStore.subscribe, practiceStore.get, practiceStore.get);
}
