/**
 * Turning practice mode on and off. The simulator and its dialogs are a chunk of their own,
 * loaded on first use, so the first load of a page without practice mode carries none of it.
 */
import type { PresetId } from '../../../testkit/core/types';
import { practiceStore } from './practice-store';

export const loadPracticeRuntime = () => import('./practice-runtime');

/**
 * For the router's root loader: when this tab chose a device before (a reload, a link opened
 * here), the simulator is in place before any page asks navigator.credentials anything.
 */
export async function startPracticeModeIfChosen(): Promise<null> {
  const { preset } = practiceStore.get();
  if (!preset) return null;
  try {
    (await loadPracticeRuntime()).startSimulator(preset);
  } catch {
    practiceStore.switchedOff(); // the chunk could not be loaded (offline): the real browser answers
  }
  return null;
}

export async function choosePracticeDevice(preset: PresetId): Promise<void> {
  (await loadPracticeRuntime()).startSimulator(preset);
  practiceStore.switchedOn(preset);
}

export async function stopPracticeMode(): Promise<void> {
  (await loadPracticeRuntime()).stopSimulator();
  practiceStore.switchedOff();
}
