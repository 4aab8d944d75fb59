import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { ConditionalAccessRule } from '../../../shared/tenant';

export function getConditionalAccess(): Promise<ConditionalAccessRule> {
  return apiClient.get<ConditionalAccessRule>('/api/admin/conditional-access');
}

export function getConditionalAccessQueryOptions() {
  // Not refetched on window focus: the screen edits a copy of it, and a save refreshes it.
  return queryOptions({ queryKey: ['admin', 'conditional-access'] as const, queryFn: getConditionalAccess, refetchOnWindowFocus: false });
}

export function useConditionalAccess() {
  return useQuery(getConditionalAccessQueryOptions());
}
