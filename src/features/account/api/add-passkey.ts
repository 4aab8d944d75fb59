import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createPasskey } from '../../../lib/registration-ceremony';
import type { Hint } from '../../../shared/schemas';
import { getCredentialsQueryOptions } from './get-credentials';

/** Another passkey for the signed-in account (the relying party excludes the ones it has). */
export function useAddPasskey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, hint }: { username: string; hint?: Hint | undefined }) => createPasskey({ username, hint }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: getCredentialsQueryOptions().queryKey }),
  });
}
