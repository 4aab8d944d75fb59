/**
 * What a simulated device's prompt says: the question the real device or its system dialog asks
 * (create or use a passkey, for which site, which account), in words close to its own, and what
 * the real cross-device (hybrid) flow would show. Pure, so every wording is tested.
 */
import type { Preset, PromptRequest } from '../../../testkit/core/types';

export interface PromptWords {
  /** The dialog's accessible name: the device, said to be simulated. */
  name: string;
  /** The question, as the real device asks it. */
  question: string;
  /** The account, site and where the passkey is kept, one sentence each. */
  details: string[];
  /** What the real device would ask for now (face, fingerprint, PIN, a touch). */
  verification: string;
  /** The real hybrid flow (QR code, Bluetooth), when the site asked for a phone. Labelled simulated. */
  hybrid: string | null;
  /** No passkey on the device fits the request: only "Cancel" makes sense. */
  nothingFits: string | null;
}

/** Where a passkey made by this device is kept, in the device's own terms. */
function keptIn(preset: Preset): string {
  switch (preset.id) {
    case 'microsoft-authenticator-ios':
    case 'microsoft-authenticator-android':
      return 'The passkey is saved in Microsoft Authenticator on this phone and does not leave it.';
    case 'windows-hello-hardware':
      return 'The passkey is saved on this device, protected by its TPM.';
    case 'windows-hello-software':
      return 'The passkey is saved on this device.';
    case 'yubikey-5':
      return 'The passkey is saved on the security key.';
    case 'icloud-keychain':
      return 'The passkey is saved in Passwords and syncs through iCloud Keychain to your other Apple devices.';
    case 'google-password-manager':
      return 'The passkey is saved in Google Password Manager and syncs to your devices signed in to the same Google Account.';
    case '1password':
      return 'The passkey is saved in your 1Password vault and syncs to your devices.';
    case 'bitwarden':
      return 'The passkey is saved in your Bitwarden vault and syncs to your devices.';
  }
}

function verificationWords(preset: Preset, request: PromptRequest): string {
  if (preset.formFactor === 'security-key') {
    return request.userVerification === 'discouraged'
      ? 'The real security key would now blink: touch it.'
      : 'The real security key would now ask for its PIN, then blink: touch it.';
  }
  if (preset.formFactor === 'phone') return 'The real phone would now ask for Face ID, Touch ID, a fingerprint or the phone’s PIN.';
  if (preset.formFactor === 'computer') return 'Windows Hello would now ask for your face, fingerprint or PIN (“Making sure it’s you”).';
  return 'The real password manager would now ask you to unlock it (face, fingerprint, PIN or its own password).';
}

function question(preset: Preset, request: PromptRequest): string {
  const site = request.rpId;
  const account = request.user?.name ?? '';
  if (request.ceremony === 'create') {
    switch (preset.formFactor) {
      case 'phone':
        return `Save a passkey for “${account}” in Authenticator?`;
      case 'computer':
        return `Create a passkey for ${site}`;
      case 'security-key':
        return `Use your security key with ${site}`;
      case 'password-manager':
        return `Save a passkey for “${account}” on ${site}?`;
    }
  }
  switch (preset.formFactor) {
    case 'phone':
      return `Sign in to ${site} with your passkey?`;
    case 'computer':
      return 'Sign in with your passkey';
    case 'security-key':
      return `Use your security key with ${site}`;
    case 'password-manager':
      return `Use your saved passkey for ${site}?`;
  }
}

/** The site asked for a phone (WebAuthn hint "hybrid", §5.8.7) and this device is one that answers over hybrid. */
export function reachedOverHybrid(preset: Preset, request: PromptRequest): boolean {
  return request.hints[0] === 'hybrid' && preset.transports.includes('hybrid');
}

const HYBRID_WORDS =
  'Simulated cross-device flow. A real browser would now show a QR code; you would scan it with the phone’s camera, ' +
  'and the phone and this computer would check over Bluetooth that they are close to each other before the phone answers. ' +
  'Here the phone’s own prompt appears straight away.';

export function promptWords(preset: Preset, request: PromptRequest): PromptWords {
  const details: string[] = [];
  if (request.ceremony === 'create') {
    details.push(`Account: ${request.user?.name ?? ''}${request.user?.displayName && request.user.displayName !== request.user.name ? ` (${request.user.displayName})` : ''}`);
    details.push(`Site: ${request.rpId}`);
    details.push(keptIn(preset));
  } else {
    details.push(`Site: ${request.rpId}`);
    if (request.candidates.length > 1) details.push('Several passkeys fit: choose the account to sign in as.');
    else if (request.candidates.length === 1) details.push(`Account: ${request.candidates[0]!.userName}`);
  }
  const nothingFits =
    request.ceremony === 'get' && request.candidates.length === 0
      ? `${preset.name} has no passkey for ${request.rpId} that the site accepts. A real device would say so too; all you can do is cancel.`
      : null;
  return {
    name: `${preset.name} (simulated)`,
    question: question(preset, request),
    details,
    verification: verificationWords(preset, request),
    hybrid: reachedOverHybrid(preset, request) ? HYBRID_WORDS : null,
    nothingFits,
  };
}

/** How a passkey is listed to choose from: the account name, and the display name when it differs. */
export function candidateLabel(candidate: PromptRequest['candidates'][number]): string {
  return candidate.userDisplayName && candidate.userDisplayName !== candidate.userName ? `${candidate.userName} (${candidate.userDisplayName})` : candidate.userName;
}
