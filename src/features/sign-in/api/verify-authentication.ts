import { apiClient } from '../../../lib/api-client';
import { recordVerifyCall } from '../../../lib/report-store';
import { withSimulatedDeviceClaim } from '../../../lib/simulated-device';
import type { AuthenticationVerifyRequest, Verified } from '../../../shared/schemas';

/**
 * POST /api/authentication/verify: a fresh session for the passkey's account. Its report
 * (accepted or refused) goes to the inspector's list. While practice mode is on, the body says so
 * (`device`), so the sign-in log labels the attempt simulated.
 */
export function verifyAuthentication(body: AuthenticationVerifyRequest): Promise<Verified> {
  return recordVerifyCall(apiClient.post<Verified>('/api/authentication/verify', withSimulatedDeviceClaim(body)));
}
