/**
 * Error wording for the admin screens. The general wording (src/lib/error-messages.ts) speaks
 * to someone signing in; here a 404 is an unknown user or group rather than a passkey, and a
 * 400 from the policy endpoints carries the server's own sentence and the `field` it names
 * (`passkeyProfiles[0].keyRestrictions.aaGuids[2]`), which an admin needs to see as it is.
 */
import { ApiError } from '../../lib/api-client';
import { describeError, type ErrorMessage } from '../../lib/error-messages';

export interface AdminErrorMessage extends ErrorMessage {
  /** The place in the document the server refused, for a 400 that names one. */
  field?: string;
}

const adminMessages: Record<string, ErrorMessage> = {
  not_found: {
    title: 'There is no user or group with that name here.',
    action: 'Check the username. People appear in the tenant once they register a passkey or get a Temporary Access Pass.',
  },
  group_exists: { title: 'A group with that name already exists.', action: 'Choose another name.' },
  group_in_use: {
    title: 'The passkey policy still names this group.',
    action: 'Remove it from the policy’s Include and Exclude lists first, then delete it.',
  },
  forbidden: { title: 'This page is for tenant admins.', action: 'Sign in with an admin account to use it.' },
};

/** True for the 403 `forbidden` every /api/admin endpoint answers a signed-in non-admin. */
export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && error.code === 'forbidden';
}

/** What happened, what to do, and for a refused document the field it names. */
export function describeAdminError(error: unknown): AdminErrorMessage {
  if (!(error instanceof ApiError)) return describeError(error);
  if (error.code === 'invalid_request' && error.status === 400) {
    // The server's sentence already says what is wrong and what to do; show it whole.
    return {
      title: 'The server refused this.',
      action: error.message || 'Check the values and try again.',
      ...(error.field ? { field: error.field } : {}),
    };
  }
  return adminMessages[error.code] ?? describeError(error);
}
