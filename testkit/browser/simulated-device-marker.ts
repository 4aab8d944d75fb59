/**
 * The window marker of a simulated device. While the kit's simulator answers a window's
 * `navigator.credentials` (installSimulator: the `simulator` fixture's init script, and the Passkey
 * Lab's practice mode), the window carries
 *
 *   window[Symbol.for('passkey-lab.simulated-device')]  // → 'microsoft-authenticator-ios'
 *
 * naming the preset of the device that answers it (the PresetId string, or 'custom' for a device
 * made of options without a preset). It is a getter, kept
 * current by the simulator: the fixture's page side learns the device `simulator.use()` chose
 * before each ceremony, so right after a ceremony the marker names the device that answered it.
 * Read-only (assigning to it changes nothing), not enumerable, and gone once the simulator is
 * uninstalled. A page reads it to say a simulated device answered: the Passkey Lab's SPA then
 * sends its `device: { simulated: true, preset }` claim (docs/api.md, "Simulated devices"). A
 * label, not proof: any script can define it. No imports, so a page reads it without loading the
 * simulator.
 */
export const SIMULATED_DEVICE_MARKER = Symbol.for('passkey-lab.simulated-device');

/** The preset the window's marker names, or undefined when no simulated device marked it. */
export function readSimulatedDeviceMarker(win: object = globalThis): string | undefined {
  const value: unknown = Reflect.get(win, SIMULATED_DEVICE_MARKER);
  return typeof value === 'string' && value !== '' ? value : undefined;
}
