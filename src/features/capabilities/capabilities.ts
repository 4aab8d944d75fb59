/**
 * The /capabilities table: every entry of PublicKeyCredential.getClientCapabilities() plus the
 * feature checks a page can make without it, each in plain words with Yes, No or Unknown.
 * Building the rows is pure and unit-tested; detection is in src/lib/webauthn-support.ts and
 * src/lib/webauthn-signals.ts.
 */

export type Answer = 'yes' | 'no' | 'unknown';

export interface CapabilityRow {
  /** The capability key (as getClientCapabilities() names it) or the feature check's name. */
  key: string;
  name: string;
  meaning: string;
  answer: Answer;
  /** Where the answer came from. */
  source: 'getClientCapabilities()' | 'feature check' | 'not reported';
}

interface Description {
  name: string;
  meaning: string;
}

/** Plain words for the capability keys and feature checks this page knows. */
export const capabilityDescriptions: Record<string, Description> = {
  webAuthn: {
    name: 'WebAuthn',
    meaning: 'The browser has the web standard passkeys are built on. Without it, nothing else here works.',
  },
  getClientCapabilities: {
    name: 'Capability report',
    meaning: 'The browser can list what it supports (PublicKeyCredential.getClientCapabilities()), so sites need not guess.',
  },
  userVerifyingPlatformAuthenticator: {
    name: 'Built-in authenticator',
    meaning: 'This device can keep passkeys itself and unlock them with your fingerprint, face or device PIN.',
  },
  passkeyPlatformAuthenticator: {
    name: 'Passkeys on this device',
    meaning: 'This device or its password manager can create and keep passkeys that sign you in without a username.',
  },
  conditionalGet: {
    name: 'Passkey autofill',
    meaning: 'Your passkeys appear among the username field’s suggestions, so you can sign in without pressing a button first.',
  },
  conditionalCreate: {
    name: 'Automatic passkey creation',
    meaning: 'After you sign in another way, your password manager may create a passkey for you without asking again.',
  },
  immediateGet: {
    name: 'Immediate sign-in',
    meaning: 'A site can ask for a passkey only if one is at hand on this device, and show its own sign-in form otherwise.',
  },
  hybridTransport: {
    name: 'Phone or tablet nearby',
    meaning: 'You can use a passkey on your phone by scanning a QR code; the devices check they are close over Bluetooth.',
  },
  relatedOrigins: {
    name: 'Related websites',
    meaning: 'A passkey made for one site also works on its sister sites that it lists in /.well-known/webauthn.',
  },
  signalUnknownCredential: {
    name: 'Signal: deleted passkey',
    meaning: 'The site can tell your password manager that a passkey no longer works here, so it stops offering it.',
  },
  signalAllAcceptedCredentials: {
    name: 'Signal: list of passkeys',
    meaning: 'The site can tell your password manager which of your passkeys it still accepts, so it can hide the others.',
  },
  signalCurrentUserDetails: {
    name: 'Signal: new name',
    meaning: 'The site can tell your password manager that your name changed, so the passkey shows the new one.',
  },
  'extension:prf': {
    name: 'PRF (secrets from a passkey)',
    meaning: 'A passkey can derive secret keys in the authenticator, for example to encrypt your data in the browser.',
  },
  'extension:largeBlob': {
    name: 'Large blob',
    meaning: 'A passkey can store a small file (such as a certificate) on the authenticator for the site.',
  },
  'extension:credBlob': {
    name: 'Credential blob',
    meaning: 'A passkey can keep a few bytes of data for the site on a security key.',
  },
  'extension:getCredBlob': {
    name: 'Read a credential blob',
    meaning: 'The site can read back the few bytes it stored with a passkey on a security key.',
  },
  'extension:credProps': {
    name: 'Credential properties',
    meaning: 'After creating a passkey the browser says whether it signs you in without a username (discoverable).',
  },
  'extension:credentialProtectionPolicy': {
    name: 'Credential protection',
    meaning: 'The site can ask a security key to reveal a passkey only after a PIN or fingerprint.',
  },
  'extension:enforceCredentialProtectionPolicy': {
    name: 'Enforced credential protection',
    meaning: 'The site can refuse security keys that cannot protect the passkey as asked.',
  },
  'extension:minPinLength': {
    name: 'Minimum PIN length',
    meaning: 'A security key can tell the site how long its PIN must be.',
  },
  'extension:hmacCreateSecret': {
    name: 'HMAC secret',
    meaning: 'The older, security-key form of PRF: a key derives secrets for the site.',
  },
  'extension:appid': {
    name: 'Old U2F sign-in',
    meaning: 'Security keys registered with the old U2F standard still sign you in.',
  },
  'extension:appidExclude': {
    name: 'Old U2F registrations',
    meaning: 'The site can avoid registering a security key twice when it already has an old U2F registration.',
  },
  'extension:payment': {
    name: 'Secure payment confirmation',
    meaning: 'A passkey can confirm a payment in a dialog the browser shows.',
  },
  'extension:remoteDesktopClientOverride': {
    name: 'Remote desktop',
    meaning: 'A remote-desktop app may run a passkey ceremony on behalf of the site.',
  },
};

/** Words for any key; one this page does not know is described by what its name says. */
export function describeCapabilityKey(key: string): Description {
  const known = capabilityDescriptions[key];
  if (known) return known;
  if (key.startsWith('extension:')) {
    const name = key.slice('extension:'.length);
    return { name: `Extension “${name}”`, meaning: `The browser can pass the WebAuthn extension “${name}” on to authenticators.` };
  }
  return { name: key, meaning: 'A capability this page does not describe yet; the browser reports it.' };
}

/** Rows shown first, in this order; the browser's other capabilities follow, sorted. */
export const leadingKeys = [
  'webAuthn',
  'getClientCapabilities',
  'userVerifyingPlatformAuthenticator',
  'passkeyPlatformAuthenticator',
  'conditionalGet',
  'conditionalCreate',
  'hybridTransport',
  'signalUnknownCredential',
  'signalAllAcceptedCredentials',
  'signalCurrentUserDetails',
  'extension:prf',
  'relatedOrigins',
  'immediateGet',
] as const;

export interface DetectedSupport {
  webAuthn: boolean;
  platformAuthenticator: boolean;
  autofill: boolean;
  /** Entries of getClientCapabilities(), or null where it does not exist. */
  clientCapabilities: Record<string, boolean> | null;
  /** Feature checks by name: the signal methods exist on PublicKeyCredential. */
  featureChecks?: Record<string, boolean>;
}

const answerOf = (value: boolean): Answer => (value ? 'yes' : 'no');

/**
 * One row per leading key and per capability the browser reported. The browser's own report
 * wins; a feature check answers where it is silent; otherwise the answer is Unknown. Without
 * WebAuthn every answer is No.
 */
export function buildCapabilityRows(support: DetectedSupport): CapabilityRow[] {
  const capabilities = support.clientCapabilities ?? {};
  const checks: Record<string, boolean> = {
    webAuthn: support.webAuthn,
    getClientCapabilities: support.clientCapabilities !== null,
    userVerifyingPlatformAuthenticator: support.platformAuthenticator,
    conditionalGet: support.autofill,
    ...support.featureChecks,
  };
  const optionalLeading = new Set<string>(['passkeyPlatformAuthenticator', 'immediateGet']);
  const keys = [
    ...leadingKeys.filter((key) => !optionalLeading.has(key) || Object.hasOwn(capabilities, key)),
    ...Object.keys(capabilities)
      .filter((key) => !(leadingKeys as readonly string[]).includes(key))
      .sort((a, b) => a.localeCompare(b)),
  ];
  return keys.map((key) => {
    const { name, meaning } = describeCapabilityKey(key);
    const reported = Object.hasOwn(capabilities, key) && key !== 'webAuthn' && key !== 'getClientCapabilities';
    if (!support.webAuthn) return { key, name, meaning, answer: 'no', source: 'feature check' };
    if (reported) return { key, name, meaning, answer: answerOf(capabilities[key] === true), source: 'getClientCapabilities()' };
    if (Object.hasOwn(checks, key)) return { key, name, meaning, answer: answerOf(checks[key] === true), source: 'feature check' };
    return { key, name, meaning, answer: 'unknown', source: 'not reported' };
  });
}

export const answerWords: Record<Answer, string> = { yes: 'Yes', no: 'No', unknown: 'Unknown' };
