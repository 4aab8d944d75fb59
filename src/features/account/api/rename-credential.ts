import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { Credential } from '../../../shared/schemas';
import { getCredentialsQueryOptions } from './get-credentials';

export function renameCredential({ id, nickname }: { id: string; nickname: string }): Promise<Credential> {
  return apiClient.patch<Credential>(`/api/credentials/${encodeURIComponent(id)}`, { nickname });
}

export function useRenameCredential() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: renameCredential,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: getCredentialsQueryOptions().queryKey }),
  });
}
