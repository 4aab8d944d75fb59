import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { CredentialList } from '../../../shared/schemas';

export function getCredentials(): Promise<CredentialList> {
  return apiClient.get<CredentialList>('/api/credentials');
}

export function getCredentialsQueryOptions() {
  return queryOptions({ queryKey: ['credentials'] as const, queryFn: getCredentials });
}

export function useCredentials() {
  return useQuery(getCredentialsQueryOptions());
}
