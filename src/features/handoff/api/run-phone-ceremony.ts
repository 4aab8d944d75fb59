import { useMutation, useQueryClient } from '@tanstack/react-query';
import { signInWithPasskey } from '../../../lib/authentication-ceremony';
import { createPasskey } from '../../../lib/registration-ceremony';
import { getSessionQueryOptions } from '../../../lib/session';
import { signOut } from '../../../lib/sign-out';
import type { Handoff, Verified } from '../../../shared/schemas';

/**
 * The phone's real passkey ceremony before it approves a hand-off:
 * - registration: sign out of whatever session the phone had, then create the
 *   hand-off's account with a passkey on the phone; the phone is signed in as it afterwards;
 * - sign-in: usernameless sign-in with a passkey the phone holds.
 */
export async function runPhoneCeremony(handoff: Handoff): Promise<Verified> {
  if (handoff.purpose === 'registration') {
    await signOut();
    return createPasskey({ username: handoff.username ?? '', ...(handoff.displayName ? { displayName: handoff.displayName } : {}) });
  }
  return signInWithPasskey();
}

export function useRunPhoneCeremony() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runPhoneCeremony,
    // The phone's session changed either way (signed out before registering, or signed in).
    onSettled: () => queryClient.invalidateQueries({ queryKey: getSessionQueryOptions().queryKey }),
  });
}
