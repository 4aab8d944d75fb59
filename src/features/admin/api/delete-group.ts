import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { getGroupsQueryOptions } from './get-groups';
import { getUsersQueryOptions } from './get-users';

/** DELETE /api/admin/groups/:id; 409 group_in_use while the policy still names the group. */
export function deleteGroup({ groupId }: { groupId: string }): Promise<void> {
  return apiClient.delete(`/api/admin/groups/${encodeURIComponent(groupId)}`);
}

export function useDeleteGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteGroup,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: getGroupsQueryOptions().queryKey }),
        queryClient.invalidateQueries({ queryKey: getUsersQueryOptions().queryKey }),
      ]),
  });
}
