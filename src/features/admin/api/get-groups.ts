import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { Group } from '../../../shared/tenant';

export interface GroupList {
  groups: Group[];
}

export function getGroups(): Promise<GroupList> {
  return apiClient.get<GroupList>('/api/admin/groups');
}

export function getGroupsQueryOptions() {
  return queryOptions({ queryKey: ['admin', 'groups'] as const, queryFn: getGroups });
}

export function useGroups() {
  return useQuery(getGroupsQueryOptions());
}
