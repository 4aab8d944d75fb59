import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { Fido2PolicyPatchInput } from '../../../shared/policy';
import type { PolicyPreview } from '../../../shared/tenant';

/** POST /api/admin/policy/preview: what a PATCH would change and whom it would stop; nothing is saved. */
export function previewPolicy(patch: Fido2PolicyPatchInput): Promise<PolicyPreview> {
  return apiClient.post<PolicyPreview>('/api/admin/policy/preview', patch);
}

export function usePreviewPolicy() {
  return useMutation({ mutationFn: previewPolicy });
}
