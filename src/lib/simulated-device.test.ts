import { afterEach, describe, expect, it } from 'vitest';
import { SIMULATED_DEVICE_MARKER } from '../../testkit/browser/simulated-device-marker';
import { authenticationVerifyRequest } from '../shared/schemas';
import { setSimulatedDevice, simulatedDeviceClaim, withSimulatedDeviceClaim } from './simulated-device';

describe('the simulated device claim', () => {
  afterEach(() => setSimulatedDevice(null));

  it('is absent while no simulated device answers', () => {
    expect(simulatedDeviceClaim()).toBeUndefined();
    expect(withSimulatedDeviceClaim({ response: 1 })).toEqual({ response: 1 });
  });

  it('names the preset while practice mode is on, and goes when it stops', () => {
    setSimulatedDevice('microsoft-authenticator-ios');
    expect(withSimulatedDeviceClaim({ response: 1 })).toEqual({ response: 1, device: { simulated: true, preset: 'microsoft-authenticator-ios' } });
    setSimulatedDevice(null);
    expect(simulatedDeviceClaim()).toBeUndefined();
  });

  it('is what the contract accepts, and the contract refuses anything else in it', () => {
    setSimulatedDevice('icloud-keychain');
    expect(authenticationVerifyRequest.shape.device.safeParse(simulatedDeviceClaim()).success).toBe(true);
    expect(authenticationVerifyRequest.shape.device.safeParse({ simulated: true, preset: 'made-up' }).success).toBe(false);
    expect(authenticationVerifyRequest.shape.device.safeParse({ simulated: false, preset: 'icloud-keychain' }).success).toBe(false);
    expect(authenticationVerifyRequest.shape.device.safeParse({ simulated: true, preset: 'icloud-keychain', trusted: true }).success).toBe(false);
  });
});

describe('the QA kit’s window marker, when practice mode has not set a device', () => {
  /** Marks the window as the kit's simulator does: a read-only getter under Symbol.for('passkey-lab.simulated-device'). */
  function mark(preset: unknown): void {
    Object.defineProperty(globalThis, SIMULATED_DEVICE_MARKER, { get: () => preset, configurable: true, enumerable: false });
  }
  afterEach(() => {
    Reflect.deleteProperty(globalThis, SIMULATED_DEVICE_MARKER);
    setSimulatedDevice(null);
  });

  it('claims the kit’s custom device (options without a preset) too, and the contract accepts it', () => {
    mark('custom');
    expect(simulatedDeviceClaim()).toEqual({ simulated: true, preset: 'custom' });
    expect(authenticationVerifyRequest.shape.device.safeParse(simulatedDeviceClaim()).success).toBe(true);
  });

  it('gives the claim with the preset the marker names, and nothing once the marker is gone', () => {
    mark('yubikey-5');
    expect(simulatedDeviceClaim()).toEqual({ simulated: true, preset: 'yubikey-5' });
    expect(withSimulatedDeviceClaim({ response: 1 })).toEqual({ response: 1, device: { simulated: true, preset: 'yubikey-5' } });
    Reflect.deleteProperty(globalThis, SIMULATED_DEVICE_MARKER);
    expect(simulatedDeviceClaim()).toBeUndefined();
  });

  it('reads the marker at each call, so a device the kit switched to is the one claimed', () => {
    let preset = 'windows-hello-hardware';
    Object.defineProperty(globalThis, SIMULATED_DEVICE_MARKER, { get: () => preset, configurable: true });
    expect(simulatedDeviceClaim()?.preset).toBe('windows-hello-hardware');
    preset = 'google-password-manager';
    expect(simulatedDeviceClaim()?.preset).toBe('google-password-manager');
  });

  it('comes after practice mode: the device practice mode set is the one claimed', () => {
    mark('yubikey-5');
    setSimulatedDevice('icloud-keychain');
    expect(simulatedDeviceClaim()).toEqual({ simulated: true, preset: 'icloud-keychain' });
    setSimulatedDevice(null);
    expect(simulatedDeviceClaim()).toEqual({ simulated: true, preset: 'yubikey-5' });
  });

  it('is ignored when it names no preset the lab knows (the verify request would be refused otherwise)', () => {
    for (const value of ['made-up', '', 42, { preset: 'yubikey-5' }, null]) {
      mark(value);
      expect(simulatedDeviceClaim(), String(value)).toBeUndefined();
    }
    expect(withSimulatedDeviceClaim({ response: 1 })).toEqual({ response: 1 });
  });
});
