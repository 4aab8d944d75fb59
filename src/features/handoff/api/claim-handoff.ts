import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { Handoff, User } from '../../../shared/schemas';

/** POST /api/handoffs/:id/claim: the computer that created it is signed in (a fresh session). */
export function claimHandoff(id: string): Promise<{ user: User; handoff: Handoff }> {
  return apiClient.post<{ user: User; handoff: Handoff }>(`/api/handoffs/${encodeURIComponent(id)}/claim`);
}

export function useClaimHandoff() {
  return useMutation({ mutationFn: claimHandoff });
}
