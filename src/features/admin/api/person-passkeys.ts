import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { CredentialList } from '../../../shared/schemas';
import { getUsersQueryOptions } from './get-users';

/** GET /api/admin/users/:userId/passkeys (docs/api.md, "Recovery: a person's passkeys"). */
export function personPasskeysQueryOptions(userId: string) {
  return queryOptions({
    queryKey: ['admin', 'users', userId, 'passkeys'] as const,
    queryFn: () => apiClient.get<CredentialList>(`/api/admin/users/${encodeURIComponent(userId)}/passkeys`),
  });
}

export function usePersonPasskeys(userId: string) {
  return useQuery(personPasskeysQueryOptions(userId));
}

/** DELETE /api/admin/users/:userId/passkeys/:credentialId: the passkey stops working at once. */
export function useRemovePersonPasskey(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentialId: string) =>
      apiClient.delete(`/api/admin/users/${encodeURIComponent(userId)}/passkeys/${encodeURIComponent(credentialId)}`),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: personPasskeysQueryOptions(userId).queryKey }),
        queryClient.invalidateQueries({ queryKey: getUsersQueryOptions().queryKey }),
      ]),
  });
}
