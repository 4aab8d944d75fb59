import { describe, expect, it } from 'vitest';
import {
  describeTransports,
  isPhonePasskey,
  passkeyKind,
  passkeyKindLabel,
  passkeyTypeLabel,
  providerLabel,
  transportsSentence,
  UNKNOWN_PROVIDER,
} from './passkey-words';

describe('describeTransports', () => {
  it('puts each transport in words', () => {
    expect(describeTransports(['internal', 'hybrid', 'usb'])).toEqual([
      'the device it was made on',
      'a phone or tablet nearby (QR code)',
      'a security key over USB',
    ]);
    expect(describeTransports(['nfc'])[0]).toMatch(/NFC/);
    expect(describeTransports(['ble'])[0]).toMatch(/Bluetooth/);
  });

  it('merges the old "cable" name with hybrid', () => {
    expect(describeTransports(['cable', 'hybrid'])).toEqual(['a phone or tablet nearby (QR code)']);
    expect(describeTransports(['ble', 'hybrid'])).toEqual(['a phone or tablet nearby (QR code)']);
  });

  it('still says something for a transport it does not know', () => {
    expect(describeTransports(['satellite'])).toEqual(['an authenticator over “satellite”']);
  });
});

describe('transportsSentence', () => {
  it('joins the words with "or"', () => {
    expect(transportsSentence(['internal'])).toBe('the device it was made on');
    expect(transportsSentence(['internal', 'hybrid'])).toBe('the device it was made on or a phone or tablet nearby (QR code)');
    expect(transportsSentence(['usb', 'nfc', 'internal'])).toBe(
      'a security key over USB, a security key held against the device (NFC) or the device it was made on',
    );
  });

  it('never says "this device": a passkey made on a phone through the hand-off is listed on the computer too', () => {
    expect(transportsSentence(['internal'])).not.toMatch(/this device/);
  });

  it('says when the authenticator did not report any', () => {
    expect(transportsSentence([])).toBe('not reported by the authenticator');
  });
});

describe('passkey kind', () => {
  it('calls a multi-device or backed-up passkey synced', () => {
    expect(passkeyKind({ deviceType: 'multiDevice', backedUp: true })).toBe('synced');
    expect(passkeyKind({ deviceType: 'multiDevice', backedUp: false })).toBe('synced');
    expect(passkeyKindLabel({ deviceType: 'multiDevice', backedUp: true })).toBe('Synced passkey');
  });

  it('calls a single-device passkey device-bound', () => {
    expect(passkeyKind({ deviceType: 'singleDevice', backedUp: false })).toBe('device-bound');
    expect(passkeyKindLabel({ deviceType: 'singleDevice', backedUp: false })).toBe('Device-bound passkey');
  });
});

describe('providerLabel', () => {
  it('names a known provider and admits an unknown one', () => {
    expect(providerLabel({ providerName: 'Google Password Manager' })).toBe('Google Password Manager');
    expect(providerLabel({ providerName: null })).toBe(UNKNOWN_PROVIDER);
    expect(UNKNOWN_PROVIDER).toBe('an authenticator this lab does not recognise');
  });
});

describe('phone passkeys', () => {
  it('describes a passkey reached over hybrid as one on a phone or tablet', () => {
    const phone = { deviceType: 'singleDevice', backedUp: false, transports: ['hybrid'] } as const;
    expect(isPhonePasskey({ transports: ['hybrid', 'internal'] })).toBe(true);
    expect(isPhonePasskey({ transports: ['cable'] })).toBe(true);
    expect(isPhonePasskey({ transports: ['internal', 'usb'] })).toBe(false);
    expect(passkeyTypeLabel({ ...phone, transports: [...phone.transports] })).toBe('Device-bound passkey on a phone or tablet');
    expect(passkeyTypeLabel({ ...phone, transports: ['internal'] })).toBe('Device-bound passkey');
  });
});
