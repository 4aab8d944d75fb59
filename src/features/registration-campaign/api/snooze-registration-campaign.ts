import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, ApiError } from '../../../lib/api-client';
import type { Campaign } from '../../../shared/tenant';
import { getRegistrationCampaignQueryOptions } from './get-registration-campaign';

/**
 * POST /api/registration-campaign/snooze: "Not now". The nudge is hidden for this session; after
 * the last snooze the relying party answers 409 `snooze_limit_reached` (registration is required).
 */
export function snoozeRegistrationCampaign(): Promise<Campaign> {
  return apiClient.post<Campaign>('/api/registration-campaign/snooze');
}

export function useSnoozeRegistrationCampaign() {
  const queryClient = useQueryClient();
  const { queryKey } = getRegistrationCampaignQueryOptions();
  return useMutation({
    mutationFn: snoozeRegistrationCampaign,
    onSuccess: (campaign) => queryClient.setQueryData(queryKey, campaign),
    onError: (error) => {
      // No snoozes left after all: read what the campaign says now (mustRegister).
      if (error instanceof ApiError && error.code === 'snooze_limit_reached') return queryClient.invalidateQueries({ queryKey });
      return undefined;
    },
  });
}
