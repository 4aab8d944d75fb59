/**
 * A small built-in table of well-known AAGUIDs (authenticator model ids) and the provider
 * people recognise. Values come from the community-maintained passkey-authenticator-aaguids
 * list and vendor documentation. Unknown AAGUIDs (and the all-zero one that "none"
 * attestation often carries) have no name.
 */
export const knownAaguids: Readonly<Record<string, string>> = {
  '90a3ccdf-635c-4729-a248-9b709135078f': 'Microsoft Authenticator (iOS)',
  'de1e552d-db1d-4423-a619-566b625cdc84': 'Microsoft Authenticator (Android)',
  'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4': 'Google Password Manager',
  'fbfc3007-154e-4ecc-8c0b-6e020557d7bd': 'iCloud Keychain (Apple Passwords)',
  'dd4ec289-e01d-41c9-bb89-70fa845d4bf2': 'iCloud Keychain (Apple Passwords, managed)',
  '08987058-cadc-4b81-b6e1-30de50dcbe96': 'Windows Hello',
  '9ddd1817-af5a-4672-a2b9-3e3dd95000a9': 'Windows Hello',
  '6028b017-b1d4-4c02-b4b3-afcdafc96bb2': 'Windows Hello',
  'bada5566-a7aa-401f-bd96-45619a55120d': '1Password',
  'd548826e-79b4-db40-a3d8-11116f7e8349': 'Bitwarden',
  'cb69481e-8ff7-4039-93ec-0a2729a154a8': 'YubiKey 5 Series',
  'ee882879-721c-4913-9775-3dfcce97072a': 'YubiKey 5 Series',
  'fa2b99dc-9e39-4257-8f92-4a30d23c4118': 'YubiKey 5 Series with NFC',
  '2fc0579f-8113-47ea-b116-bb5a8db9202a': 'YubiKey 5 Series with NFC',
  '01020304-0506-0708-0102-030405060708': 'Chromium virtual authenticator',
};

export const ZERO_AAGUID = '00000000-0000-0000-0000-000000000000';

export function providerNameFor(aaguid: string): string | null {
  return knownAaguids[aaguid.toLowerCase()] ?? null;
}
