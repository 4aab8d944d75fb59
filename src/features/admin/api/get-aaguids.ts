import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { AaguidUsage } from '../../../shared/tenant';

export interface AaguidInventory {
  aaguids: AaguidUsage[];
}

/** GET /api/admin/aaguids: every AAGUID registered in the tenant, most passkeys first. */
export function getAaguids(): Promise<AaguidInventory> {
  return apiClient.get<AaguidInventory>('/api/admin/aaguids');
}

export function getAaguidsQueryOptions() {
  return queryOptions({ queryKey: ['admin', 'aaguids'] as const, queryFn: getAaguids });
}

export function useAaguids() {
  return useQuery(getAaguidsQueryOptions());
}
