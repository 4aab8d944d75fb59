import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { Dashboard, DashboardTable } from '../../../shared/dashboard';

/** GET /api/admin/dashboard (docs/api.md, "Rollout dashboard"). */
export const getDashboardQueryOptions = () =>
  queryOptions({ queryKey: ['admin', 'dashboard'] as const, queryFn: () => apiClient.get<Dashboard>('/api/admin/dashboard'), staleTime: 0 });
export const useDashboard = () => useQuery(getDashboardQueryOptions());

/** The CSV export of one table (a plain download link: the session cookie goes with it). */
export const dashboardCsvHref = (table: DashboardTable) => `/api/admin/dashboard/export?table=${table}`;
