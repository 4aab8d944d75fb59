import { apiClient } from '../../../lib/api-client';
import { recordVerifyCall } from '../../../lib/report-store';
import type { AuthenticationVerifyRequest, Verified } from '../../../shared/schemas';

/**
 * POST /api/authentication/verify: a fresh session for the passkey's account. Its report
 * (accepted or refused) goes to the inspector's list.
 */
export function verifyAuthentication(body: AuthenticationVerifyRequest): Promise<Verified> {
  return recordVerifyCall(apiClient.post<Verified>('/api/authentication/verify', body));
}
