import { apiClient } from '../../../lib/api-client';
import type { AuthenticationVerifyRequest, Verified } from '../../../shared/schemas';

/** POST /api/authentication/verify: a fresh session for the passkey's account. */
export function verifyAuthentication(body: AuthenticationVerifyRequest): Promise<Verified> {
  return apiClient.post<Verified>('/api/authentication/verify', body);
}
