/**
 * Turns any error the SPA can meet into two sentences: what happened (`title`) and what to do
 * next (`action`). Raw exception text never reaches the screen; unknown errors get a generic
 * sentence. Pure: no DOM access, so it is unit-tested in Node.
 */
import type { WebAuthnErrorCode } from '@simplewebauthn/browser';
import { type ErrorCode, isErrorCode } from '../shared/error-codes';
import { ApiError, NETWORK_ERROR, UNEXPECTED_RESPONSE } from './api-client';

export interface ErrorMessage {
  title: string;
  action: string;
}

/**
 * Where the error happened, when that changes what a person should do: the same policy refusal
 * means "use another authenticator" while creating a passkey and "use another passkey, or ask
 * for a Temporary Access Pass" while signing in. A refused verify call carries its report, whose
 * `ceremony` tells registration from sign-in when the caller does not say.
 */
export type ErrorContext = 'registration' | 'sign-in' | 'temporary-access-pass' | 'step-up';

const cancelledOrNotVerified: ErrorMessage = {
  title: 'The passkey request was cancelled or could not verify you.',
  action: 'Try again, and unlock your device or touch your security key when it asks.',
};

const cancelledAfterTypedUsername: ErrorMessage = {
  title: cancelledOrNotVerified.title,
  action: 'Check the username, then try again, and unlock your device or touch your security key when it asks. If your browser found no passkey, or asked for a security key you do not have, the username may be mistyped.',
};

/** Every relying-party error code; TypeScript fails the build if one is missing. */
export const apiErrorMessages: Record<ErrorCode, ErrorMessage> = {
  invalid_request: {
    title: 'The server did not understand the request.',
    action: 'Check what you typed, reload the page and try again.',
  },
  not_found: {
    title: 'That passkey no longer exists.',
    action: 'Reload the page to see your current passkeys.',
  },
  unsupported_media_type: {
    title: 'The request was sent in a format the server does not accept.',
    action: 'Reload the page and try again.',
  },
  payload_too_large: {
    title: 'The request was too large for the server.',
    action: 'Use a shorter name and try again.',
  },
  forbidden_origin: {
    title: 'The server refused a request from this web address.',
    action: 'Open Passkey Lab from its usual address and try again.',
  },
  challenge_missing: {
    title: 'There is no registration or sign-in in progress, or it was already used.',
    action: 'Start again.',
  },
  challenge_expired: {
    title: 'The request took longer than 5 minutes and expired.',
    action: 'Start again and finish within 5 minutes.',
  },
  challenge_mismatch: {
    title: 'The answer belongs to a different request than the one in progress.',
    action: 'Start again, with one tab of Passkey Lab open.',
  },
  origin_mismatch: {
    title: 'The passkey was used on a web address this site does not accept.',
    action: 'Open Passkey Lab from its usual address and try again.',
  },
  ceremony_type_mismatch: {
    title: 'The authenticator answered the wrong kind of request.',
    action: 'Start again.',
  },
  top_origin_not_allowed: {
    title: 'The passkey was used inside a frame of another web page.',
    action: 'Open Passkey Lab itself, from its usual address, and try again.',
  },
  credential_id_invalid: {
    title: 'The authenticator returned a passkey id that is too long or does not match its own data.',
    action: 'Try again, or use another authenticator.',
  },
  public_key_invalid: {
    title: 'The authenticator returned a public key that is not valid, so the passkey could never sign in.',
    action: 'Use another authenticator.',
  },
  rp_id_mismatch: {
    title: 'The passkey was made for a different site.',
    action: 'Choose a passkey made for this site, or create a new one.',
  },
  user_presence_required: {
    title: 'The authenticator did not confirm that someone was there.',
    action: 'Try again, and touch or unlock the authenticator when it asks.',
  },
  user_verification_required: {
    title: 'The authenticator did not check your PIN, fingerprint or face.',
    action: 'Try again and unlock it when asked, or use an authenticator that can verify you.',
  },
  signature_invalid: {
    title: 'The passkey’s signature did not verify.',
    action: 'Try again. If it keeps failing, delete this passkey and create a new one.',
  },
  attestation_invalid: {
    title: 'The authenticator’s registration answer could not be verified.',
    action: 'Try again, or use another authenticator.',
  },
  credential_not_found: {
    title: 'This passkey is not registered here. It may have been deleted.',
    action: 'Use another passkey, or create a new one.',
  },
  credential_not_allowed: {
    // Also what a mistyped or unknown username leads to (the relying party does not say which
    // usernames exist), so the words start with the username, not with the passkey.
    title: 'That passkey is not one of the passkeys of the username you typed.',
    action: 'Check the username and try again, or use “Sign in with a passkey” to let your device pick the account.',
  },
  credential_already_registered: {
    title: 'This passkey is already registered.',
    action: 'Sign in with it instead.',
  },
  user_handle_mismatch: {
    title: 'The passkey answered for a different account than the one it is registered to.',
    action: 'Choose another passkey, or create a new one.',
  },
  counter_regression: {
    title: 'The passkey’s use counter went backwards, which can mean it was copied. Sign-in was refused.',
    action: 'Contact your administrator, and use another passkey meanwhile.',
  },
  aaguid_blocked: {
    title: 'Your organisation does not allow this kind of authenticator.',
    action: 'Use an authenticator your organisation allows.',
  },
  attestation_required: {
    title: 'Your organisation requires an authenticator that proves its make and model.',
    action: 'Use a security key or app your organisation allows.',
  },
  passkey_type_not_allowed: {
    title: 'Your organisation does not allow this type of passkey (device-bound or synced).',
    action: 'Create the passkey with an authenticator of the allowed type.',
  },
  policy_disabled: {
    title: 'Passkey sign-in is turned off for this organisation.',
    action: 'Ask your administrator to turn it on.',
  },
  not_in_policy_scope: {
    title: 'Your account is not in the group allowed to use passkeys.',
    action: 'Ask your administrator to add you.',
  },
  not_signed_in: {
    title: 'You are not signed in.',
    action: 'Sign in and try again.',
  },
  forbidden: {
    title: 'You are signed in but not allowed to do this.',
    action: 'Sign in with an account that may, or go back.',
  },
  username_taken: {
    title: 'That username is already registered.',
    action: 'Sign in instead, or choose another username.',
  },
  username_confusable: {
    title: 'That username looks like one already registered.',
    action: 'Choose a clearly different username, without letters from another alphabet or look-alike characters.',
  },
  rate_limited: {
    title: 'Too many requests in a short time.',
    action: 'Wait a minute and try again.',
  },
  internal_error: {
    title: 'Something went wrong on the server.',
    action: 'Try again in a moment.',
  },
  handoff_not_found: {
    title: 'This hand-off link or code is unknown.',
    action: 'Check it, or start again on the computer.',
  },
  handoff_expired: {
    title: 'This hand-off expired; they last 5 minutes.',
    action: 'Start again on the computer.',
  },
  handoff_used: {
    title: 'This hand-off was already used.',
    action: 'Start again on the computer.',
  },
  handoff_pending: {
    title: 'The phone has not finished yet.',
    action: 'Complete the step on the phone first.',
  },
  handoff_wrong_browser: {
    title: 'This hand-off was started in another browser.',
    action: 'Finish it in the browser where it started.',
  },
  self_service_not_allowed: {
    title: 'Your organisation lets people add a passkey only after signing in with a Temporary Access Pass.',
    action: 'Ask your admin for a Temporary Access Pass, sign in with it, then create your passkey.',
  },
  step_up_required: {
    title: 'This app needs a sign-in with a passkey, and this session did not start with one.',
    action: 'Verify with a passkey to go on.',
  },
  recent_sign_in_required: {
    title: 'To add a passkey, confirm it is you: your last sign-in was more than 5 minutes ago.',
    action: 'Verify with a passkey (or sign in again), then add the passkey.',
  },
  policy_too_large: {
    title: 'The policy would be 20 KB or more, which Microsoft Entra ID does not accept.',
    action: 'Shorten the AAGUID lists or remove a profile, then save again.',
  },
  tap_invalid: {
    title: 'That username and Temporary Access Pass do not go together.',
    action: 'Check both and try again, or ask your admin for a new pass.',
  },
  tap_expired: {
    title: 'This Temporary Access Pass has expired.',
    action: 'Ask your admin for a new one.',
  },
  tap_used: {
    title: 'This Temporary Access Pass was already used, or your admin has replaced it with a newer one.',
    action: 'Ask your admin for a new pass. If you already created a passkey with it, sign in with that passkey instead.',
  },
  snooze_limit_reached: {
    title: 'You have put off setting up a passkey as many times as your organisation allows.',
    action: 'Create a passkey now to go on.',
  },
  sms_retired: {
    title: 'Text-message and voice codes are retired for your organisation, and they were your only way to verify.',
    action: 'Create a passkey now to go on: it takes a minute, and it is what you will sign in with from now on.',
  },
  group_exists: {
    title: 'A group with that name already exists.',
    action: 'Choose another name, or add the people to the existing group.',
  },
  group_in_use: {
    title: 'The passkey policy still names this group.',
    action: 'Remove the group from the policy’s targets first, then delete it.',
  },
};

/**
 * Wording that depends on where the error happened (see ErrorContext); codes not listed for a
 * context use apiErrorMessages.
 */
export const contextualErrorMessages: Record<ErrorContext, Partial<Record<ErrorCode, ErrorMessage>>> = {
  registration: {
    aaguid_blocked: {
      title: 'Your organisation only allows certain authenticators for passkeys, and this one is not one of them.',
      action: 'Create the passkey with an allowed one, such as Microsoft Authenticator; your admin can tell you which ones are allowed.',
    },
    attestation_required: {
      title: 'Your organisation only accepts authenticators that prove their make and model, and this one did not.',
      action: 'Use a security key or app your organisation allows, such as Microsoft Authenticator, or ask your admin which ones work.',
    },
    passkey_type_not_allowed: {
      title: 'Your organisation does not allow this type of passkey (synced across your devices, or kept on one device).',
      action: 'Create it with an authenticator of the allowed type, or ask your admin which type that is.',
    },
    policy_disabled: {
      title: 'Your organisation has turned passkeys off, so a passkey cannot be created now.',
      action: 'Ask your admin when passkeys will be turned on, and how to sign in until then.',
    },
    not_in_policy_scope: {
      title: 'Your account is not in a group your organisation allows to use passkeys.',
      action: 'Ask your admin to add you to the passkey rollout, then try again.',
    },
  },
  'sign-in': {
    aaguid_blocked: {
      title: 'Your organisation no longer allows the authenticator this passkey is on.',
      action: 'Sign in with another passkey, or ask your admin for a Temporary Access Pass to set up an allowed one.',
    },
    passkey_type_not_allowed: {
      title: 'Your organisation no longer allows this type of passkey (synced across your devices, or kept on one device).',
      action: 'Sign in with another passkey, or ask your admin for a Temporary Access Pass to set up one of the allowed type.',
    },
    policy_disabled: {
      title: 'Your organisation has turned passkey sign-in off.',
      action: 'Ask your admin how to sign in meanwhile, for example with a Temporary Access Pass.',
    },
    not_in_policy_scope: {
      title: 'Your account is not in a group your organisation allows to sign in with a passkey.',
      action: 'Ask your admin to add you to the passkey rollout, or for a Temporary Access Pass meanwhile.',
    },
  },
  'temporary-access-pass': {
    rate_limited: {
      title: 'Too many wrong attempts for this username, so passes for it are refused for a while.',
      action: 'Wait 15 minutes and try again, or ask your admin for a new pass.',
    },
    invalid_request: {
      title: 'The username or the Temporary Access Pass is not in the expected form.',
      action: 'Check both (a username has no spaces) and try again.',
    },
  },
  'step-up': {
    aaguid_blocked: {
      title: 'Your organisation no longer allows the authenticator this passkey is on.',
      action: 'Verify with another passkey, or ask your admin which authenticators are allowed.',
    },
    credential_not_allowed: {
      title: 'That passkey belongs to another account than the one you are signed in with.',
      action: 'Choose your own passkey for this account.',
    },
  },
};

/** Every code of @simplewebauthn/browser's WebAuthnError. */
export const webAuthnErrorMessages: Record<WebAuthnErrorCode, ErrorMessage> = {
  ERROR_CEREMONY_ABORTED: {
    title: 'The passkey request was stopped before it finished.',
    action: 'Start again when you are ready.',
  },
  ERROR_INVALID_DOMAIN: {
    title: 'Passkeys cannot be used on this web address.',
    action: 'Open Passkey Lab over https or on localhost.',
  },
  ERROR_INVALID_RP_ID: {
    title: 'The server asked for passkeys of a different site than this one.',
    action: 'Open Passkey Lab from its usual address, or ask the operator to check its RP ID setting.',
  },
  ERROR_INVALID_USER_ID_LENGTH: {
    title: 'The server sent an account id the authenticator cannot accept.',
    action: 'Try again; if it keeps failing, tell the operator of this lab.',
  },
  ERROR_MALFORMED_PUBKEYCREDPARAMS: {
    title: 'The server asked for a kind of key that does not exist.',
    action: 'Tell the operator of this lab; there is nothing you can change.',
  },
  ERROR_AUTHENTICATOR_GENERAL_ERROR: {
    title: 'The authenticator ran into a problem.',
    action: 'Try again, or use another authenticator.',
  },
  ERROR_AUTHENTICATOR_MISSING_DISCOVERABLE_CREDENTIAL_SUPPORT: {
    title: 'This authenticator cannot store a passkey that signs you in without a username.',
    action: 'Use another authenticator, such as your phone or a newer security key.',
  },
  ERROR_AUTHENTICATOR_MISSING_USER_VERIFICATION_SUPPORT: {
    title: 'This authenticator cannot check a PIN, fingerprint or face.',
    action: 'Set up a PIN or screen lock on it, or use another authenticator.',
  },
  ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED: {
    title: 'A passkey for this account is already registered on this authenticator.',
    action: 'Use that passkey to sign in, or choose another authenticator (a phone or a security key) for a new one.',
  },
  ERROR_AUTHENTICATOR_NO_SUPPORTED_PUBKEYCREDPARAMS_ALG: {
    title: 'This authenticator does not support any of the key types this site accepts.',
    action: 'Use another authenticator.',
  },
  ERROR_AUTO_REGISTER_USER_VERIFICATION_FAILURE: {
    title: 'Your password manager could not verify you to create a passkey automatically.',
    action: 'Create the passkey with the button instead.',
  },
  ERROR_SIGNAL_INVALID_ARGUMENT: {
    title: 'The browser could not pass an update on to your passkey provider.',
    action: 'You can ignore this; nothing was changed.',
  },
  ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY: {
    title: 'The authenticator refused the request.',
    action: 'Try again, or use another authenticator.',
  },
};

/** DOMException names that navigator.credentials.create()/get() can reject with. */
export const domExceptionMessages: Record<string, ErrorMessage> = {
  NotAllowedError: cancelledOrNotVerified,
  AbortError: webAuthnErrorMessages.ERROR_CEREMONY_ABORTED,
  TimeoutError: cancelledOrNotVerified,
  SecurityError: {
    title: 'The browser blocked the passkey request for security reasons.',
    action: 'Open Passkey Lab over https or on localhost, from its usual address.',
  },
  InvalidStateError: webAuthnErrorMessages.ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED,
  NotSupportedError: {
    title: 'This browser or authenticator does not support what was asked.',
    action: 'Use another authenticator or an up-to-date browser.',
  },
  ConstraintError: {
    title: 'No available authenticator meets this site’s requirements.',
    action: 'Use an authenticator with a PIN or biometric that can store passkeys.',
  },
  UnknownError: webAuthnErrorMessages.ERROR_AUTHENTICATOR_GENERAL_ERROR,
  NetworkError: {
    title: 'The connection to the authenticator was lost.',
    action: 'Bring it closer or plug it in again, and try again.',
  },
};

export const networkErrorMessage: ErrorMessage = {
  title: 'The Passkey Lab server could not be reached.',
  action: 'Check your connection and try again.',
};

export const unknownErrorMessage: ErrorMessage = {
  title: 'Something unexpected went wrong.',
  action: 'Reload the page and try again.',
};

function nameOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const name = (value as { name?: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}

function webAuthnCodeOf(value: unknown): WebAuthnErrorCode | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const code = (value as { code?: unknown }).code;
  return typeof code === 'string' && Object.hasOwn(webAuthnErrorMessages, code) ? (code as WebAuthnErrorCode) : undefined;
}

/**
 * Whether the refused passkey is a synced one (backup eligible, the BE flag), as the report's
 * decoded authenticator data tells (a sign-in's `decoded.authenticatorData`, a registration's
 * `decoded.attestation.authenticatorData`); undefined when it does not.
 */
function isSyncedPasskey(error: ApiError): boolean | undefined {
  const report = error.report;
  if (!report) return undefined;
  const authenticatorData = report.ceremony === 'registration' ? report.decoded.attestation?.authenticatorData : report.decoded.authenticatorData;
  return authenticatorData?.flags.be;
}

/** passkey_type_not_allowed, when the report tells which type the refused passkey is. */
export const passkeyTypeMessages: Record<'registration' | 'sign-in', Record<'synced' | 'deviceBound', ErrorMessage>> = {
  registration: {
    synced: {
      title: 'Your organisation only allows passkeys that stay on one device, and this one would be synced to your other devices.',
      action: 'Create it on a security key or in Microsoft Authenticator instead, or ask your admin which authenticators to use.',
    },
    deviceBound: {
      title: 'Your organisation only allows synced passkeys (kept by a password manager), and this one would stay on one device.',
      action: 'Create it with your password manager instead, or ask your admin which authenticators to use.',
    },
  },
  'sign-in': {
    synced: {
      title: 'Your organisation no longer allows synced passkeys, and this passkey is synced to your devices.',
      action: 'Sign in with a passkey that stays on one device, or ask your admin for a Temporary Access Pass to set one up.',
    },
    deviceBound: {
      title: 'Your organisation no longer allows passkeys that stay on one device, and this passkey is one of them.',
      action: 'Sign in with a synced passkey, or ask your admin for a Temporary Access Pass to set one up.',
    },
  },
};

/** The context a caller named, else the one the refused ceremony's report tells. */
function contextOf(error: ApiError, context: ErrorContext | undefined): ErrorContext | undefined {
  if (context) return context;
  if (error.report?.ceremony === 'registration') return 'registration';
  if (error.report?.ceremony === 'authentication') return 'sign-in';
  return undefined;
}

function describeApiError(error: ApiError, context: ErrorContext | undefined): ErrorMessage {
  if (error.code === NETWORK_ERROR) return networkErrorMessage;
  if (isErrorCode(error.code)) {
    const where = contextOf(error, context);
    // Stepping up is a sign-in: what it does not word itself, it words as one.
    const contexts: ErrorContext[] = where === 'step-up' ? ['step-up', 'sign-in'] : where ? [where] : [];
    const synced = error.code === 'passkey_type_not_allowed' ? isSyncedPasskey(error) : undefined;
    if (synced !== undefined && (where === 'registration' || where === 'sign-in' || where === 'step-up')) {
      return passkeyTypeMessages[where === 'registration' ? 'registration' : 'sign-in'][synced ? 'synced' : 'deviceBound'];
    }
    for (const each of contexts) {
      const message = contextualErrorMessages[each][error.code];
      if (message) return message;
    }
    return apiErrorMessages[error.code];
  }
  if (error.code.startsWith('challenge_')) return apiErrorMessages.challenge_missing;
  if (error.code === UNEXPECTED_RESPONSE || error.status >= 500) return apiErrorMessages.internal_error;
  return unknownErrorMessage;
}

/**
 * What happened and what to do next, for any thrown value. `context` picks the wording for
 * where it happened (a refused verify call's report tells registration from sign-in by itself).
 */
export function describeError(error: unknown, context?: ErrorContext): ErrorMessage {
  if (error instanceof ApiError) return describeApiError(error, context);

  const code = webAuthnCodeOf(error);
  if (code === 'ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY') {
    const causeName = nameOf((error as { cause?: unknown }).cause);
    const byCause = causeName && Object.hasOwn(domExceptionMessages, causeName) ? domExceptionMessages[causeName] : undefined;
    return byCause ?? webAuthnErrorMessages.ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY;
  }
  if (code) return webAuthnErrorMessages[code];

  const name = nameOf(error);
  if (name && Object.hasOwn(domExceptionMessages, name)) return domExceptionMessages[name] as ErrorMessage;
  // fetch() outside the api client rejects with a TypeError when offline.
  if (error instanceof TypeError && /fetch|network/i.test(error.message)) return networkErrorMessage;
  return unknownErrorMessage;
}

/**
 * A sign-in with a typed username that the browser refused: a mistyped or unknown name has no
 * passkey for the browser to find (its stand-in credential ids match none, docs/api.md), so
 * the next step includes checking the name. Any other message is returned as it is.
 */
export function afterTypedUsername(message: ErrorMessage): ErrorMessage {
  return message === cancelledOrNotVerified ? cancelledAfterTypedUsername : message;
}

/** True for the abort that happens when another ceremony replaces this one: not an error to show. */
export function isCeremonyAborted(error: unknown): boolean {
  return webAuthnCodeOf(error) === 'ERROR_CEREMONY_ABORTED' || nameOf(error) === 'AbortError';
}
