/**
 * The simulated devices. AAGUIDs are the real ones, so an AAGUID allow list written for the
 * real devices treats the simulated ones the same way. Sources:
 * - COMMUNITY_LIST: the community passkey provider AAGUID list,
 *   https://github.com/passkeydeveloper/passkey-authenticator-aaguids (aaguid.json).
 * - Microsoft Learn, "Enable passkeys in Microsoft Authenticator" (Microsoft Entra ID): the two
 *   Authenticator AAGUIDs.
 * - Microsoft Learn, "Enable Microsoft Entra passkey on Windows" (how-to-authentication-entra-passkeys-on-windows)
 *   and the FIDO Metadata Service statements "Windows Hello Hardware Authenticator" /
 *   "Windows Hello Software Authenticator".
 * - FIDO Metadata Service and Yubico's AAGUID table (yubi.co/aaguids): YubiKey 5 NFC, firmware 5.2/5.4.
 */
import type { DeviceId, DeviceOptions, DeviceProfile, Preset, PresetId } from './types';

const COMMUNITY_LIST = 'passkeydeveloper/passkey-authenticator-aaguids (aaguid.json)';
const AUTHENTICATOR_DOC =
  'Microsoft Learn: "Enable passkeys in Microsoft Authenticator" (learn.microsoft.com/entra/identity/authentication/how-to-enable-authenticator-passkey)';
const WINDOWS_DOC =
  'Microsoft Learn: "Enable Microsoft Entra passkey on Windows" (learn.microsoft.com/entra/identity/authentication/how-to-authentication-entra-passkeys-on-windows)';

export const presets: Readonly<Record<PresetId, Preset>> = {
  'microsoft-authenticator-ios': {
    id: 'microsoft-authenticator-ios',
    name: 'Microsoft Authenticator on iPhone',
    description: 'Device-bound, attested (packed). Lives in the Authenticator app on the phone.',
    providerName: 'Microsoft Authenticator (iOS)',
    aaguid: '90a3ccdf-635c-4729-a248-9b709135078f',
    kind: 'device-bound',
    attestation: 'packed',
    transports: ['hybrid', 'internal'],
    attachment: 'platform',
    formFactor: 'phone',
    source: `${AUTHENTICATOR_DOC}; FIDO MDS`,
  },
  'microsoft-authenticator-android': {
    id: 'microsoft-authenticator-android',
    name: 'Microsoft Authenticator on Android',
    description: 'Device-bound, attested (packed). Lives in the Authenticator app on the phone.',
    providerName: 'Microsoft Authenticator (Android)',
    aaguid: 'de1e552d-db1d-4423-a619-566b625cdc84',
    kind: 'device-bound',
    attestation: 'packed',
    transports: ['hybrid', 'internal'],
    attachment: 'platform',
    formFactor: 'phone',
    source: `${AUTHENTICATOR_DOC}; FIDO MDS`,
  },
  'windows-hello-hardware': {
    id: 'windows-hello-hardware',
    name: 'Windows Hello (TPM)',
    description: 'Device-bound, attested (packed). The key is kept by the computer’s TPM.',
    providerName: 'Windows Hello',
    aaguid: '08987058-cadc-4b81-b6e1-30de50dcbe96',
    kind: 'device-bound',
    attestation: 'packed',
    transports: ['internal'],
    attachment: 'platform',
    formFactor: 'computer',
    source: `${WINDOWS_DOC}; FIDO MDS "Windows Hello Hardware Authenticator"; ${COMMUNITY_LIST}`,
  },
  'windows-hello-software': {
    id: 'windows-hello-software',
    name: 'Windows Hello (software key)',
    description: 'Device-bound, attested (packed). The key is kept in software on the computer (no TPM).',
    providerName: 'Windows Hello',
    aaguid: '6028b017-b1d4-4c02-b4b3-afcdafc96bb2',
    kind: 'device-bound',
    attestation: 'packed',
    transports: ['internal'],
    attachment: 'platform',
    formFactor: 'computer',
    source: `${WINDOWS_DOC}; FIDO MDS "Windows Hello Software Authenticator"; ${COMMUNITY_LIST}`,
  },
  'yubikey-5': {
    id: 'yubikey-5',
    name: 'YubiKey 5 NFC',
    description: 'Device-bound security key, attested (packed). Plugs in by USB or taps by NFC.',
    providerName: 'YubiKey 5 Series with NFC',
    aaguid: '2fc0579f-8113-47ea-b116-bb5a8db9202a',
    kind: 'device-bound',
    attestation: 'packed',
    transports: ['usb', 'nfc'],
    attachment: 'cross-platform',
    formFactor: 'security-key',
    source: 'FIDO MDS "YubiKey 5 Series with NFC" (firmware 5.2/5.4); Yubico AAGUID table (yubi.co/aaguids)',
  },
  'icloud-keychain': {
    id: 'icloud-keychain',
    name: 'iCloud Keychain',
    description: 'Synced passkey (Apple Passwords), not attested. Backed up to iCloud.',
    providerName: 'iCloud Keychain (Apple Passwords)',
    aaguid: 'fbfc3007-154e-4ecc-8c0b-6e020557d7bd',
    kind: 'synced',
    attestation: 'none',
    transports: ['hybrid', 'internal'],
    attachment: 'platform',
    formFactor: 'password-manager',
    source: `${COMMUNITY_LIST}: "Apple Passwords" (formerly iCloud Keychain)`,
  },
  'google-password-manager': {
    id: 'google-password-manager',
    name: 'Google Password Manager',
    description: 'Synced passkey, not attested. Backed up to the Google account.',
    providerName: 'Google Password Manager',
    aaguid: 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4',
    kind: 'synced',
    attestation: 'none',
    transports: ['hybrid', 'internal'],
    attachment: 'platform',
    formFactor: 'password-manager',
    source: COMMUNITY_LIST,
  },
  '1password': {
    id: '1password',
    name: '1Password',
    description: 'Synced passkey, not attested. Kept in the 1Password vault.',
    providerName: '1Password',
    aaguid: 'bada5566-a7aa-401f-bd96-45619a55120d',
    kind: 'synced',
    attestation: 'none',
    transports: ['hybrid', 'internal'],
    attachment: 'platform',
    formFactor: 'password-manager',
    source: COMMUNITY_LIST,
  },
  bitwarden: {
    id: 'bitwarden',
    name: 'Bitwarden',
    description: 'Synced passkey, not attested. Kept in the Bitwarden vault.',
    providerName: 'Bitwarden',
    aaguid: 'd548826e-79b4-db40-a3d8-11116f7e8349',
    kind: 'synced',
    attestation: 'none',
    transports: ['hybrid', 'internal'],
    attachment: 'platform',
    formFactor: 'password-manager',
    source: COMMUNITY_LIST,
  },
};

export const presetIds = Object.keys(presets) as PresetId[];

export function isPresetId(value: unknown): value is PresetId {
  return typeof value === 'string' && Object.hasOwn(presets, value);
}

/** Every DeviceId: the presets', then 'custom'. */
export const deviceIds: readonly DeviceId[] = [...presetIds, 'custom'];

export function isDeviceId(value: unknown): value is DeviceId {
  return value === 'custom' || isPresetId(value);
}

export function getPreset(id: PresetId): Preset {
  if (!isPresetId(id)) throw new TypeError(`Unknown simulated device preset: ${String(id)}`);
  return presets[id];
}

/** The AAGUID of a device that does not say what it is (and of most "none" attestations). */
export const ZERO_AAGUID = '00000000-0000-0000-0000-000000000000';

/** A custom device's properties before its DeviceOptions apply. */
const CUSTOM_DEVICE: DeviceProfile = {
  id: 'custom',
  name: 'Custom authenticator',
  description: 'A plain authenticator that imitates no product, shaped by its device options.',
  providerName: 'Custom authenticator',
  aaguid: ZERO_AAGUID,
  kind: 'device-bound',
  attestation: 'none',
  transports: ['internal'],
  attachment: 'platform',
  formFactor: 'computer',
  source: 'DeviceOptions without a preset',
  backupEligible: false,
  backupState: false,
  counterless: false,
  algorithms: ['ES256'],
};

/** What a device with these options is: its preset (or the custom device) with the options' changes. */
export function deviceProfile(options: DeviceOptions): DeviceProfile {
  const base: DeviceProfile = options.preset
    ? (() => {
        const preset = getPreset(options.preset);
        const synced = preset.kind === 'synced';
        return { ...preset, transports: [...preset.transports], backupEligible: synced, backupState: synced, counterless: synced, algorithms: ['ES256'] };
      })()
    : { ...CUSTOM_DEVICE, transports: [...CUSTOM_DEVICE.transports] };
  const transports = options.transports ? [...options.transports] : base.transports;
  const profile: DeviceProfile = {
    ...base,
    aaguid: (options.aaguid ?? base.aaguid).toLowerCase(),
    backupEligible: options.backupEligible ?? base.backupEligible,
    backupState: options.backupState ?? base.backupState,
    counterless: options.counterless ?? base.counterless,
    transports,
    algorithms: options.algorithms?.length ? [...options.algorithms] : base.algorithms,
  };
  profile.kind = profile.backupEligible ? 'synced' : 'device-bound';
  if (!options.preset) {
    // A custom device is a platform authenticator when it has the 'internal' transport, a roaming security key otherwise.
    const internal = transports.includes('internal');
    profile.attachment = internal ? 'platform' : 'cross-platform';
    profile.formFactor = internal ? 'computer' : 'security-key';
  }
  return profile;
}
