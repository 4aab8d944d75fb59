import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { CreateHandoffRequest, Handoff } from '../../../shared/schemas';
import { getHandoffQueryOptions } from './get-handoff';

/** POST /api/handoffs: bound to this browser's session, which alone can claim it later. */
export function createHandoff(body: CreateHandoffRequest): Promise<{ handoff: Handoff }> {
  return apiClient.post<{ handoff: Handoff }>('/api/handoffs', body);
}

export function useCreateHandoff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createHandoff,
    // The waiting page can show it at once, without a second request.
    onSuccess: (data) => queryClient.setQueryData(getHandoffQueryOptions(data.handoff.id).queryKey, data),
  });
}
