import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { Group } from '../../../shared/tenant';
import { getGroupsQueryOptions } from './get-groups';
import { getUsersQueryOptions } from './get-users';

export function addGroupMember({ groupId, username }: { groupId: string; username: string }): Promise<Group> {
  return apiClient.post<Group>(`/api/admin/groups/${encodeURIComponent(groupId)}/members`, { username });
}

export function useAddGroupMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addGroupMember,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: getGroupsQueryOptions().queryKey }),
        queryClient.invalidateQueries({ queryKey: getUsersQueryOptions().queryKey }),
      ]),
  });
}
