import { useMutation } from '@tanstack/react-query';
import { deriveNoteKey, prfSalt } from '../prf';

/** The passkey answered, but without a PRF result: the browser or the passkey cannot do PRF. */
export class PrfUnsupportedError extends Error {
  constructor() {
    super('The passkey gave no PRF result.');
    this.name = 'PrfUnsupportedError';
  }
}

export interface UnlockedNoteKey {
  key: CryptoKey;
  /** base64url id of the passkey that answered (its PRF output made the key). */
  credentialId: string;
}

interface PrfExtensionResults {
  prf?: { enabled?: boolean; results?: { first?: BufferSource } };
}

/**
 * Asks the browser for a passkey of this site with the PRF extension, evaluated at the demo's
 * fixed salt, and turns the result into an AES-GCM key. Local only: the challenge is random
 * and nothing goes to the server, which never sees the PRF output, the key or the note.
 */
export async function unlockWithPasskey(signal?: AbortSignal): Promise<UnlockedNoteKey> {
  if (typeof globalThis.PublicKeyCredential !== 'function') throw new PrfUnsupportedError();
  const first = await prfSalt();
  const publicKey = {
    challenge: crypto.getRandomValues(new Uint8Array(32)),
    rpId: globalThis.location.hostname,
    userVerification: 'required',
    timeout: 120_000,
    extensions: { prf: { eval: { first } } },
  } as PublicKeyCredentialRequestOptions;
  const credential = (await navigator.credentials.get({ publicKey, ...(signal ? { signal } : {}) })) as PublicKeyCredential | null;
  if (!credential) throw new DOMException('No passkey was chosen.', 'NotAllowedError');
  const results = credential.getClientExtensionResults() as PrfExtensionResults;
  const output = results.prf?.results?.first;
  if (!output) throw new PrfUnsupportedError();
  return { key: await deriveNoteKey(output), credentialId: credential.id };
}

export function useUnlockWithPasskey() {
  return useMutation({ mutationFn: (signal?: AbortSignal) => unlockWithPasskey(signal) });
}
