import { type RegistrationResponseJSON, startRegistration, WebAuthnAbortService } from '@simplewebauthn/browser';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createRegistrationOptions, verifyRegistration } from '../../../lib/registration-ceremony';
import { getClientCapabilities } from '../../../lib/webauthn-support';
import type { RegistrationVerifyRequest, Verified } from '../../../shared/schemas';
import { getCredentialsQueryOptions } from './get-credentials';

/**
 * How long the browser gets to create the passkey by itself. Browsers decide at once (the
 * password manager does or does not create it); some, like Chromium with a virtual
 * authenticator, never answer a conditional create, so the page stops waiting.
 */
export const AUTO_REGISTER_TIME_LIMIT_MS = 3_000;

let pending: { settled: boolean } | null = null;

/** Stops a conditional create that is still waiting (leaving the page, or time is up). */
export function cancelAutomaticPasskey(): void {
  if (pending && !pending.settled) WebAuthnAbortService.cancelCeremony();
  pending = null;
}

async function withTimeLimit(ceremony: Promise<RegistrationResponseJSON>, ms: number): Promise<RegistrationResponseJSON> {
  const mine = { settled: false };
  pending = mine;
  const timer = setTimeout(() => {
    // Still ours (another ceremony would have aborted it): stop waiting.
    if (!mine.settled && pending === mine) cancelAutomaticPasskey();
  }, ms);
  try {
    return await ceremony;
  } finally {
    mine.settled = true;
    clearTimeout(timer);
  }
}

/**
 * Automatic passkey upgrade: conditional create (`mediation: 'conditional'`, simplewebauthn's
 * `useAutoRegister`). The password manager may create a passkey without a prompt right after a
 * sign-in that used no passkey here; otherwise the browser rejects (NotAllowedError). Browsers
 * that do not report `conditionalCreate` are not asked, so no prompt appears unannounced.
 */
export async function createPasskeyAutomatically({ username, isCurrent }: { username: string; isCurrent: () => boolean }): Promise<Verified> {
  const capabilities = await getClientCapabilities();
  if (capabilities?.conditionalCreate !== true) {
    throw new DOMException('This browser cannot create passkeys automatically.', 'NotSupportedError');
  }
  const { options } = await createRegistrationOptions({ username, hint: 'client-device' });
  if (!isCurrent()) throw new DOMException('Replaced by a newer attempt.', 'AbortError');
  const response = await withTimeLimit(startRegistration({ optionsJSON: options, useAutoRegister: true }), AUTO_REGISTER_TIME_LIMIT_MS);
  return verifyRegistration({ response } as RegistrationVerifyRequest);
}

export function useCreatePasskeyAutomatically() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPasskeyAutomatically,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: getCredentialsQueryOptions().queryKey }),
  });
}
