import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { PolicyPreview, PrepareAllowListRequest } from '../../../shared/tenant';

/**
 * POST /api/admin/policy/prepare-allow-list: EntraIDPasskeyHelper's Set-PasskeyAuthenticationMethodsPolicy
 * as a what-if. Nothing is saved; PATCH the returned `patch` to apply it.
 */
export function prepareAllowList(request: PrepareAllowListRequest): Promise<PolicyPreview> {
  return apiClient.post<PolicyPreview>('/api/admin/policy/prepare-allow-list', request);
}

export function usePrepareAllowList() {
  return useMutation({ mutationFn: prepareAllowList });
}
