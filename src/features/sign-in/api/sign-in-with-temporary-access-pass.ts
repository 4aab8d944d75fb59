import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { User } from '../../../shared/schemas';
import type { TapSignInRequest } from '../../../shared/tenant';

/** What POST /api/authentication/temporary-access-pass answers: the user, and how the new session started. */
export interface TapSignedIn {
  user: User;
  method: 'temporaryAccessPass';
}

/**
 * POST /api/authentication/temporary-access-pass: a fresh session started with the pass (not
 * phishing-resistant; it is meant for setting up a passkey). Refusals: 401 `tap_invalid`,
 * `tap_expired`, `tap_used`; 429 `rate_limited` after 5 failed attempts for the username.
 */
export function signInWithTemporaryAccessPass(body: TapSignInRequest): Promise<TapSignedIn> {
  return apiClient.post<TapSignedIn>('/api/authentication/temporary-access-pass', body);
}

export function useSignInWithTemporaryAccessPass() {
  return useMutation({ mutationFn: signInWithTemporaryAccessPass });
}
