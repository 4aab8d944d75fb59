/**
 * Every error the relying party can answer with, its HTTP status and a default sentence
 * that says what happened and what to do next. The SPA maps the same codes to its own
 * wording (src/lib/error-messages.ts); QA teams can rely on the codes.
 */
export const errorCodes = {
  invalid_request: { status: 400, message: 'The request was not in the expected shape. Reload the page and try again.' },
  not_found: { status: 404, message: 'There is nothing here with that id.' },
  unsupported_media_type: { status: 415, message: 'Send the request body as JSON (Content-Type: application/json).' },
  payload_too_large: { status: 413, message: 'The request body is larger than 64 KB.' },
  forbidden_origin: { status: 403, message: 'This request came from a site that is not allowed to use this relying party.' },
  challenge_missing: { status: 400, message: 'There is no sign-in or registration in progress, or it was already used. Start again.' },
  challenge_expired: { status: 400, message: 'The request took longer than 5 minutes. Start again.' },
  challenge_mismatch: { status: 400, message: 'The response answers a different request than the one in progress. Start again.' },
  origin_mismatch: { status: 400, message: 'The passkey was used on a web address this relying party does not accept.' },
  ceremony_type_mismatch: { status: 400, message: 'The response is for the wrong kind of ceremony (registration instead of sign-in, or the reverse).' },
  top_origin_not_allowed: { status: 400, message: 'The passkey was used inside a frame of another web page, which this relying party does not allow. Open the site itself and try again.' },
  credential_id_invalid: { status: 400, message: 'The authenticator returned a credential id that is too long or does not match its own data. Try again or use another authenticator.' },
  public_key_invalid: { status: 400, message: 'The authenticator returned a public key that is not valid, so this passkey could never sign in. Use another authenticator.' },
  rp_id_mismatch: { status: 400, message: 'The passkey was made for a different site (relying-party ID).' },
  user_presence_required: { status: 400, message: 'The authenticator did not confirm that someone was present. Touch or unlock it and try again.' },
  user_verification_required: { status: 400, message: 'The authenticator did not verify you with a PIN or biometric. Try again and unlock it when asked.' },
  signature_invalid: { status: 400, message: 'The passkey’s signature did not verify. Try again; if it keeps failing, remove this passkey and create a new one.' },
  attestation_invalid: { status: 400, message: 'The authenticator’s registration response could not be verified. Try again or use another authenticator.' },
  credential_not_found: { status: 400, message: 'This passkey is not registered here (it may have been deleted). Use another passkey or create a new one.' },
  credential_not_allowed: { status: 400, message: 'This passkey belongs to a different account than the one you named. Choose the passkey for that account.' },
  credential_already_registered: { status: 409, message: 'This passkey is already registered. Sign in with it instead.' },
  user_handle_mismatch: { status: 400, message: 'The passkey answered for a different account than the one it is registered to.' },
  counter_regression: { status: 400, message: 'The passkey’s use counter went backwards, which can mean it was cloned. Sign-in was refused; contact your administrator.' },
  aaguid_blocked: { status: 403, message: 'Your organisation does not allow this kind of authenticator. Use an allowed one.' },
  attestation_required: { status: 403, message: 'Your organisation requires an authenticator that proves its make and model.' },
  passkey_type_not_allowed: { status: 403, message: 'Your organisation does not allow this type of passkey (device-bound or synced).' },
  policy_disabled: { status: 403, message: 'Passkey sign-in is turned off for this organisation.' },
  not_in_policy_scope: { status: 403, message: 'Your account is not in the group allowed to use passkeys.' },
  not_signed_in: { status: 401, message: 'You are not signed in. Sign in and try again.' },
  forbidden: { status: 403, message: 'You are signed in but not allowed to do this.' },
  username_taken: { status: 409, message: 'That username is already registered. Sign in instead, or choose another username.' },
  username_confusable: { status: 409, message: 'That username looks like one already registered (a letter from another alphabet or a look-alike character). Choose a clearly different username.' },
  handoff_not_found: { status: 404, message: 'This hand-off link or code is unknown. Check it, or start again on the computer.' },
  handoff_expired: { status: 410, message: 'This hand-off expired (they last 5 minutes). Start again on the computer.' },
  handoff_used: { status: 409, message: 'This hand-off was already used. Start again on the computer.' },
  handoff_pending: { status: 409, message: 'The phone has not finished yet. Complete the step on the phone first.' },
  handoff_wrong_browser: { status: 403, message: 'This hand-off was started in another browser; only that browser can finish it.' },
  self_service_not_allowed: { status: 403, message: 'Your organisation does not let people set up passkeys themselves. Ask your administrator for a Temporary Access Pass.' },
  step_up_required: { status: 403, message: 'This app needs a phishing-resistant sign-in. Verify with a passkey to go on.' },
  tap_invalid: { status: 401, message: 'That Temporary Access Pass is not right for this username. Check both, or ask your administrator for a new pass.' },
  tap_expired: { status: 401, message: 'That Temporary Access Pass has expired. Ask your administrator for a new one.' },
  tap_used: { status: 401, message: 'That Temporary Access Pass was already used (or replaced by a newer one). Ask your administrator for a new one.' },
  recent_sign_in_required: { status: 403, message: 'Adding a passkey needs a recent sign-in (within 5 minutes). Verify with a passkey, or sign in again, then add it.' },
  policy_too_large: { status: 400, message: 'The authentication methods policy must stay under 20 KB. Shorten the AAGUID lists or remove a profile.' },
  snooze_limit_reached: { status: 409, message: 'You have postponed setting up a passkey 3 times already. Create one now to go on.' },
  sms_retired: { status: 409, message: 'Text-message and voice codes are no longer available to your organisation, and they were your only way to verify. Create a passkey to go on.' },
  group_exists: { status: 409, message: 'A group with that name already exists. Choose another name.' },
  group_in_use: { status: 409, message: 'The passkey policy still names this group. Remove it from the policy’s targets first.' },
  rate_limited: { status: 429, message: 'Too many requests. Wait a minute and try again.' },
  internal_error: { status: 500, message: 'Something went wrong on our side. Try again in a moment.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCodes;

/** The contract's error body: `{ error: { code, message } }`. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCodes, value);
}
