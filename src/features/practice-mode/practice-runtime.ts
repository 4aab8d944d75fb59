/**
 * Loaded only when practice mode is used (a chunk of its own): puts the chosen simulated device
 * behind navigator.credentials in this tab, with passkeys kept in localStorage (so a person can
 * come back later) and attestation certificates from the lab (POST /api/simulator/attestation-certificate).
 */
import { type InstalledSimulator, installSimulator } from '../../../testkit/browser/install';
import { createLocalStorageStore } from '../../../testkit/browser/local-storage-store';
import type { PresetId } from '../../../testkit/core/types';
import { setSimulatedDevice } from '../../lib/simulated-device';
import { labAttestationIssuer } from './api/lab-attestation-issuer';
import { practiceStore } from './practice-store';
import { cancelAllPrompts, createQueuedPrompt } from './prompt-queue';

let installed: InstalledSimulator | null = null;

export function startSimulator(preset: PresetId): void {
  cancelAllPrompts();
  // Verify requests from now on say a simulated device answered (a label, never trust).
  setSimulatedDevice(preset);
  if (installed) {
    installed.setDevice({ preset });
    return;
  }
  installed = installSimulator({
    device: { preset },
    prompt: createQueuedPrompt({ autoApprove: () => practiceStore.get().autoApprove }),
    store: createLocalStorageStore(),
    issuer: labAttestationIssuer,
  });
}

export function stopSimulator(): void {
  cancelAllPrompts();
  installed?.uninstall();
  installed = null;
  setSimulatedDevice(null);
}

export { PracticeUi } from './components/practice-ui';
