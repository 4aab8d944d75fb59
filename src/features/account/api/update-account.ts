import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { getSessionQueryOptions } from '../../../lib/session';
import type { Session, User } from '../../../shared/schemas';

export interface UpdateAccountRequest {
  /** 1–64 characters. */
  displayName: string;
}

/** PATCH /api/account (signed in only) → the updated User. */
export function updateAccount(body: UpdateAccountRequest): Promise<User> {
  return apiClient.patch<User>('/api/account', body);
}

export function useUpdateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAccount,
    onSuccess: (user) => {
      // The session carries the user: show the new name at once, then read it again.
      queryClient.setQueryData<Session>(getSessionQueryOptions().queryKey, (session) => (session ? { ...session, user } : session));
      return queryClient.invalidateQueries({ queryKey: getSessionQueryOptions().queryKey });
    },
  });
}
