import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { IssuedTap, IssueTapRequest } from '../../../shared/tenant';
import { getTapsQueryOptions } from './get-taps';
import { getUsersQueryOptions } from './get-users';

/** POST /api/admin/temporary-access-passes: the answer is the only place the code ever appears. */
export function issueTap(request: IssueTapRequest): Promise<IssuedTap> {
  return apiClient.post<IssuedTap>('/api/admin/temporary-access-passes', request);
}

export function useIssueTap() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: issueTap,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: getTapsQueryOptions().queryKey }),
        // The user may have been created for this pass.
        queryClient.invalidateQueries({ queryKey: getUsersQueryOptions().queryKey }),
      ]),
  });
}
