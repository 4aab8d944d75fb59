import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { getCredentialsQueryOptions } from './get-credentials';

export function deleteCredential({ id }: { id: string }): Promise<void> {
  return apiClient.delete(`/api/credentials/${encodeURIComponent(id)}`);
}

export function useDeleteCredential() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteCredential,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: getCredentialsQueryOptions().queryKey }),
  });
}
