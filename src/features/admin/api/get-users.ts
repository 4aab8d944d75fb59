import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { TenantUser } from '../../../shared/tenant';

export interface TenantUserList {
  users: TenantUser[];
}

export function getUsers(): Promise<TenantUserList> {
  return apiClient.get<TenantUserList>('/api/admin/users');
}

export function getUsersQueryOptions() {
  return queryOptions({ queryKey: ['admin', 'users'] as const, queryFn: getUsers });
}

export function useUsers() {
  return useQuery(getUsersQueryOptions());
}
