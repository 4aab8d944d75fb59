import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { Fido2Policy, Fido2PolicyPatchInput } from '../../../shared/policy';
import { getAaguidsQueryOptions } from './get-aaguids';
import { getPolicyQueryOptions } from './get-policy';

/** PATCH /api/admin/policy: each field present replaces the stored one whole (Graph's semantics). */
export function updatePolicy(patch: Fido2PolicyPatchInput): Promise<Fido2Policy> {
  return apiClient.patch<Fido2Policy>('/api/admin/policy', patch);
}

export function useUpdatePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePolicy,
    onSuccess: async (policy) => {
      queryClient.setQueryData(getPolicyQueryOptions().queryKey, policy);
      // "Allowed by current policy" in the inventory follows the policy.
      await queryClient.invalidateQueries({ queryKey: getAaguidsQueryOptions().queryKey });
    },
  });
}
