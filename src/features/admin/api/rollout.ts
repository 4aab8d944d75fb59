import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { RegistrationCampaign } from '../../../shared/registration-campaign';
import type { RolloutSettings, RolloutTimeline } from '../../../shared/rollout';

/** GET /api/admin/rollout: where the tenant stands against Microsoft's dates (docs/api.md, "Rollout timeline"). */
export const getRolloutQueryOptions = () =>
  queryOptions({ queryKey: ['admin', 'rollout'] as const, queryFn: () => apiClient.get<RolloutTimeline>('/api/admin/rollout'), staleTime: 0 });
export const useRollout = () => useQuery(getRolloutQueryOptions());

/** GET /api/admin/registration-campaign: Graph's authenticationMethodsRegistrationCampaign. */
export const getCampaignQueryOptions = () =>
  queryOptions({ queryKey: ['admin', 'registration-campaign'] as const, queryFn: () => apiClient.get<RegistrationCampaign>('/api/admin/registration-campaign') });
export const useAdminCampaign = () => useQuery(getCampaignQueryOptions());

/** Everything the rollout affects is read again after a change (the dashboard and the person's own campaign too). */
function useRefreshRollout() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['admin'] }),
      queryClient.invalidateQueries({ queryKey: ['registration-campaign'] }),
    ]);
}

/** PATCH /api/admin/rollout: the tenant date (null: today) and the opt-out. */
export function useUpdateRollout() {
  const refresh = useRefreshRollout();
  return useMutation({
    mutationFn: (patch: Partial<RolloutSettings>) => apiClient.patch<RolloutTimeline>('/api/admin/rollout', patch),
    onSuccess: refresh,
  });
}

/** PATCH /api/admin/registration-campaign. */
export function useUpdateCampaign() {
  const refresh = useRefreshRollout();
  return useMutation({
    mutationFn: (patch: Partial<RegistrationCampaign>) => apiClient.patch<RegistrationCampaign>('/api/admin/registration-campaign', patch),
    onSuccess: refresh,
  });
}

/** PUT /api/admin/sms-methods/:userId: mark a user as having the lab's simulated SMS method. */
export function useSetSmsMethod() {
  const refresh = useRefreshRollout();
  return useMutation({
    mutationFn: ({ userId, hasSms }: { userId: string; hasSms: boolean }) => apiClient.put<unknown>(`/api/admin/sms-methods/${encodeURIComponent(userId)}`, { hasSms }),
    onSuccess: refresh,
  });
}
