import { afterEach, describe, expect, it } from 'vitest';
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
