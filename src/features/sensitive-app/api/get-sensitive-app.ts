import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { SensitiveApp } from '../../../shared/tenant';

/**
 * GET /api/apps/sensitive: 200 when this session satisfies the app's conditional-access rule;
 * 401 `not_signed_in`; 403 `step_up_required` with `error.reason` (a StepUpReason: a
 * Temporary Access Pass, the hand-off, no user verification, or an AAGUID the rule does not allow).
 */
export function getSensitiveApp(): Promise<SensitiveApp> {
  return apiClient.get<SensitiveApp>('/api/apps/sensitive');
}

export function getSensitiveAppQueryOptions() {
  // Never served from an older session's answer: a step-up starts a new session.
  return queryOptions({ queryKey: ['apps', 'sensitive'] as const, queryFn: getSensitiveApp, staleTime: 0 });
}

export function useSensitiveApp() {
  return useQuery(getSensitiveAppQueryOptions());
}
