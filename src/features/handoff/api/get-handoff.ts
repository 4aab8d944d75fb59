import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { Handoff } from '../../../shared/schemas';

/** GET /api/handoffs/:id (404 handoff_not_found when unknown). */
export function getHandoff(id: string): Promise<{ handoff: Handoff }> {
  return apiClient.get<{ handoff: Handoff }>(`/api/handoffs/${encodeURIComponent(id)}`);
}

export function getHandoffQueryOptions(id: string) {
  return queryOptions({ queryKey: ['handoffs', id] as const, queryFn: () => getHandoff(id) });
}

export interface UseHandoffOptions {
  /** Ask again every second while it is pending and this browser started it (the computer waits for the phone). */
  poll?: boolean;
}

export function useHandoff(id: string, { poll = false }: UseHandoffOptions = {}) {
  return useQuery({
    ...getHandoffQueryOptions(id),
    staleTime: poll ? 0 : 5_000,
    refetchInterval: (query) => {
      const handoff = query.state.data?.handoff;
      return poll && handoff?.status === 'pending' && handoff.startedHere ? 1_000 : false;
    },
    // Keep polling when the computer's tab is in the background: the person is on the phone.
    refetchIntervalInBackground: poll,
  });
}
