import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { Group } from '../../../shared/tenant';
import { getGroupsQueryOptions } from './get-groups';

export function createGroup({ displayName }: { displayName: string }): Promise<Group> {
  return apiClient.post<Group>('/api/admin/groups', { displayName });
}

export function useCreateGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createGroup,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: getGroupsQueryOptions().queryKey }),
  });
}
