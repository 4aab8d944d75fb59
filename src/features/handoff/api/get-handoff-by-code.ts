import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { Handoff } from '../../../shared/schemas';
import { getHandoffQueryOptions } from './get-handoff';

/** GET /api/handoffs/by-code/:code (matched ignoring case, spaces and dashes). */
export function getHandoffByCode(code: string): Promise<{ handoff: Handoff }> {
  return apiClient.get<{ handoff: Handoff }>(`/api/handoffs/by-code/${encodeURIComponent(code)}`);
}

export function getHandoffByCodeQueryOptions(code: string) {
  return queryOptions({ queryKey: ['handoffs', 'by-code', code] as const, queryFn: () => getHandoffByCode(code), staleTime: 0 });
}

/** Looks a code up when the person presses "Open" (an action, so a mutation-like hook). */
export function useHandoffByCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => queryClient.fetchQuery(getHandoffByCodeQueryOptions(code)),
    onSuccess: (data) => queryClient.setQueryData(getHandoffQueryOptions(data.handoff.id).queryKey, data),
  });
}
