import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** DELETE /api/session. The caller clears the query cache once it has left the signed-in page. */
export function signOut(): Promise<void> {
  return apiClient.delete('/api/session');
}

export function useSignOut() {
  return useMutation({ mutationFn: signOut });
}
