/**
 * Which simulated device answers navigator.credentials in this tab, if any. Practice mode writes
 * it when it puts a simulated device in place (and clears it when it stops); otherwise the window's
 * marker tells, which the QA kit's simulator sets while it answers the tab (the `simulator`
 * fixture of testkit/, see testkit/browser/simulated-device-marker.ts). The ceremony code reads
 * it to send the claim `device: { simulated: true, preset }` with its verify requests (docs/api.md,
 * "Simulated devices"). A claim, not proof: the relying party only adds the "simulated" label
 * with it. Lives in lib so features need not import each other.
 */
import { readSimulatedDeviceMarker } from '../../testkit/browser/simulated-device-marker';
import { isDeviceId } from '../../testkit/core/presets';
import type { DeviceId, PresetId } from '../../testkit/core/types';
import type { SimulatedDeviceClaim } from '../shared/schemas';

let current: PresetId | null = null;

/** Practice mode: `preset` now answers every ceremony in this tab (null: none, the real authenticator). */
export function setSimulatedDevice(preset: PresetId | null): void {
  current = preset;
}

/** The device the window's simulated-device marker names, when it is one the lab knows (a preset, or the kit's 'custom' device). */
function markedDevice(): DeviceId | null {
  const marked = readSimulatedDeviceMarker(globalThis);
  return isDeviceId(marked) ? marked : null;
}

/**
 * The claim for a verify request while a simulated device answers, else undefined: practice
 * mode's device first, then the one the window's marker names (the QA kit's).
 */
export function simulatedDeviceClaim(): SimulatedDeviceClaim | undefined {
  const preset = current ?? markedDevice();
  return preset ? { simulated: true, preset } : undefined;
}

/** `body` with the claim added while a simulated device answers (unchanged otherwise). */
export function withSimulatedDeviceClaim<T extends object>(body: T): T & { device?: SimulatedDeviceClaim } {
  const device = simulatedDeviceClaim();
  return device ? { ...body, device } : body;
}
