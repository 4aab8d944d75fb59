import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createPasskey, type CreatePasskeyInput } from '../../../lib/registration-ceremony';
import { getSessionQueryOptions } from '../../../lib/session';

/**
 * Registration of a new account's first passkey (or, when signed in, another passkey for that
 * account). The person is signed in afterwards, so everything cached for "nobody" is dropped.
 */
export function useCreatePasskey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePasskeyInput) => createPasskey(input),
    onSuccess: async () => {
      // Whoever was cached before, the session now belongs to this account.
      await queryClient.resetQueries({ queryKey: getSessionQueryOptions().queryKey });
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== getSessionQueryOptions().queryKey[0] });
    },
  });
}
