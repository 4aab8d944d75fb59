import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { Campaign } from '../../../shared/tenant';

/** GET /api/registration-campaign (signed in): whether to nudge this person to register a passkey now. */
export function getRegistrationCampaign(): Promise<Campaign> {
  return apiClient.get<Campaign>('/api/registration-campaign');
}

export function getRegistrationCampaignQueryOptions() {
  return queryOptions({ queryKey: ['registration-campaign'] as const, queryFn: getRegistrationCampaign });
}

export function useRegistrationCampaign({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getRegistrationCampaignQueryOptions(), enabled });
}
