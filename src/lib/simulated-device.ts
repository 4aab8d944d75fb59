/**
 * Which simulated device answers navigator.credentials in this tab, if any. Practice mode writes
 * it when it puts a simulated device in place (and clears it when it stops); the ceremony code
 * reads it to send the claim `device: { simulated: true, preset }` with its verify requests
 * (docs/api.md, "Simulated devices"). A claim, not proof: the relying party only adds the
 * "simulated" label with it. Lives in lib so features need not import each other.
 */
import type { PresetId } from '../../testkit/core/types';
import type { SimulatedDeviceClaim } from '../shared/schemas';

let current: PresetId | null = null;

/** Practice mode: `preset` now answers every ceremony in this tab (null: none, the real authenticator). */
export function setSimulatedDevice(preset: PresetId | null): void {
  current = preset;
}

/** The claim for a verify request while a simulated device answers, else undefined. */
export function simulatedDeviceClaim(): SimulatedDeviceClaim | undefined {
  return current ? { simulated: true, preset: current } : undefined;
}

/** `body` with the claim added while a simulated device answers (unchanged otherwise). */
export function withSimulatedDeviceClaim<T extends object>(body: T): T & { device?: SimulatedDeviceClaim } {
  const device = simulatedDeviceClaim();
  return device ? { ...body, device } : body;
}
