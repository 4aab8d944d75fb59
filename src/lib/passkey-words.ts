/**
 * Plain-language descriptions of a passkey's properties, shared by the registration result and
 * the account page.
 */
import type { Credential } from '../shared/schemas';

/**
 * `internal` is the authenticator built into the device that made the passkey. That is not
 * always the device showing the list: a passkey made on a phone through the hand-off is listed
 * on the computer too, so the words never say "this device".
 */
const transportWords: Record<string, string> = {
  internal: 'the device it was made on',
  hybrid: 'a phone or tablet nearby (QR code)',
  usb: 'a security key over USB',
  nfc: 'a security key held against the device (NFC)',
  ble: 'a security key over Bluetooth',
  'smart-card': 'a smart card',
  cable: 'a phone or tablet nearby (QR code)',
};

/**
 * One phrase per transport, without duplicates, in the order the authenticator listed them.
 * Beside hybrid, `ble` is the phone's proximity check, not a Bluetooth security key.
 */
export function describeTransports(transports: readonly string[]): string[] {
  const phone = transports.includes('hybrid') || transports.includes('cable');
  const words = transports.filter((t) => !(phone && t === 'ble')).map((t) => transportWords[t] ?? `an authenticator over “${t}”`);
  return [...new Set(words)];
}

/** "this device and a security key over USB"; a fallback sentence when nothing was reported. */
export function transportsSentence(transports: readonly string[]): string {
  const words = describeTransports(transports);
  if (words.length === 0) return 'not reported by the authenticator';
  if (words.length === 1) return words[0] as string;
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

export type PasskeyKind = 'synced' | 'device-bound';

/**
 * A passkey that may be copied to other devices (multiDevice) or is already backed up is
 * "synced"; otherwise it lives on one authenticator only.
 */
export function passkeyKind(credential: Pick<Credential, 'deviceType' | 'backedUp'>): PasskeyKind {
  return credential.deviceType === 'multiDevice' || credential.backedUp ? 'synced' : 'device-bound';
}

export function passkeyKindLabel(credential: Pick<Credential, 'deviceType' | 'backedUp'>): string {
  return passkeyKind(credential) === 'synced' ? 'Synced passkey' : 'Device-bound passkey';
}

export function passkeyKindExplanation(credential: Pick<Credential, 'deviceType' | 'backedUp'>): string {
  return passkeyKind(credential) === 'synced'
    ? 'Your password manager can copy it to your other devices, so losing this one does not lose the passkey.'
    : 'It stays on this one authenticator. If you lose it, you need another passkey to get in.';
}

export const UNKNOWN_PROVIDER = 'an authenticator this lab does not recognise';

export function providerLabel(credential: Pick<Credential, 'providerName'>): string {
  return credential.providerName ?? UNKNOWN_PROVIDER;
}

/** A passkey reached over hybrid (or its old name, cable) lives on a phone or tablet. */
export function isPhonePasskey(credential: Pick<Credential, 'transports'>): boolean {
  return credential.transports.some((t) => t === 'hybrid' || t === 'cable');
}

/** "Synced passkey", "Device-bound passkey", with "on a phone or tablet" for a phone passkey. */
export function passkeyTypeLabel(credential: Pick<Credential, 'deviceType' | 'backedUp' | 'transports'>): string {
  const kind = passkeyKindLabel(credential);
  return isPhonePasskey(credential) ? `${kind} on a phone or tablet` : kind;
}
