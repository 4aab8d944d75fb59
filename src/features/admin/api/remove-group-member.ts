import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { getGroupsQueryOptions } from './get-groups';
import { getUsersQueryOptions } from './get-users';

export function removeGroupMember({ groupId, userId }: { groupId: string; userId: string }): Promise<void> {
  return apiClient.delete(`/api/admin/groups/${encodeURIComponent(groupId)}/members/${encodeURIComponent(userId)}`);
}

export function useRemoveGroupMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeGroupMember,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: getGroupsQueryOptions().queryKey }),
        queryClient.invalidateQueries({ queryKey: getUsersQueryOptions().queryKey }),
      ]),
  });
}
