import { apiClient } from '../../../lib/api-client';
import type { AuthenticationOptions, AuthenticationOptionsRequest } from '../../../shared/schemas';

let lastRequest: Promise<unknown> = Promise.resolve();

/**
 * POST /api/authentication/options. The relying party keeps one pending challenge per session,
 * so requests are sent one after another: the autofill request that started on page load can
 * never land after (and replace) the challenge of a button the person pressed.
 */
export function createAuthenticationOptions(body: AuthenticationOptionsRequest): Promise<AuthenticationOptions> {
  const request = lastRequest.then(() => apiClient.post<AuthenticationOptions>('/api/authentication/options', body));
  lastRequest = request.catch(() => undefined);
  return request;
}
