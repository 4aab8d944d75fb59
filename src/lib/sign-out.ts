import { apiClient } from './api-client';

/**
 * DELETE /api/session, used by the site header and by the phone before it registers for a
 * hand-off. The caller clears the query cache once it has left the signed-in page.
 */
export function signOut(): Promise<void> {
  return apiClient.delete('/api/session');
}
