import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { ConditionalAccessRule } from '../../../shared/tenant';
import { getConditionalAccessQueryOptions } from './get-conditional-access';

export function updateConditionalAccess(rule: Partial<ConditionalAccessRule>): Promise<ConditionalAccessRule> {
  return apiClient.patch<ConditionalAccessRule>('/api/admin/conditional-access', rule);
}

export function useUpdateConditionalAccess() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateConditionalAccess,
    onSuccess: (rule) => queryClient.setQueryData(getConditionalAccessQueryOptions().queryKey, rule),
  });
}
