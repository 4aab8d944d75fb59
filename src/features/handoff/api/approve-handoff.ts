import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { Handoff } from '../../../shared/schemas';
import { getHandoffQueryOptions } from './get-handoff';

/** POST /api/handoffs/:id/approve: the phone, signed in by its own ceremony, vouches for the computer. */
export function approveHandoff(id: string): Promise<{ handoff: Handoff }> {
  return apiClient.post<{ handoff: Handoff }>(`/api/handoffs/${encodeURIComponent(id)}/approve`);
}

export function useApproveHandoff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: approveHandoff,
    // Read again either way (the caller remembers its own success, so "approved" is not taken for "used").
    onSettled: (_data, _error, id) => queryClient.invalidateQueries({ queryKey: getHandoffQueryOptions(id).queryKey }),
  });
}
