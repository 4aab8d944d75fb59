import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { Fido2Policy } from '../../../shared/policy';

export function getPolicy(): Promise<Fido2Policy> {
  return apiClient.get<Fido2Policy>('/api/admin/policy');
}

export function getPolicyQueryOptions() {
  // Not refetched on window focus: the screen edits a copy of it, and a save refreshes it.
  return queryOptions({ queryKey: ['admin', 'policy'] as const, queryFn: getPolicy, refetchOnWindowFocus: false });
}

export function usePolicy() {
  return useQuery(getPolicyQueryOptions());
}
