import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { MetadataStatus } from '../../../shared/schemas';

/** GET /api/metadata: which authenticator metadata the relying party loaded, and its problems. */
export function getMetadataStatus(): Promise<MetadataStatus> {
  return apiClient.get<MetadataStatus>('/api/metadata');
}

export function getMetadataStatusQueryOptions() {
  return queryOptions({ queryKey: ['metadata-status'] as const, queryFn: getMetadataStatus, staleTime: Infinity });
}

export function useMetadataStatus() {
  return useQuery(getMetadataStatusQueryOptions());
}
