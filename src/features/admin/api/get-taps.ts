import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { TapSummary } from '../../../shared/tenant';

export interface TapList {
  passes: TapSummary[];
}

/** GET /api/admin/temporary-access-passes: every pass with its status, never a code. */
export function getTaps(): Promise<TapList> {
  return apiClient.get<TapList>('/api/admin/temporary-access-passes');
}

export function getTapsQueryOptions() {
  return queryOptions({ queryKey: ['admin', 'temporary-access-passes'] as const, queryFn: getTaps });
}

export function useTaps() {
  return useQuery(getTapsQueryOptions());
}
