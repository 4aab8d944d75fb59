/** A PasskeyStore that keeps passkeys in memory (Node tests, or a browser tab that forgets on reload). */
import type { PasskeyStore, StoredPasskey } from './types';

export function createMemoryStore(initial: StoredPasskey[] = []): PasskeyStore {
  const passkeys = new Map(initial.map((passkey) => [passkey.id, structuredClone(passkey)]));
  return {
    async list() {
      return [...passkeys.values()].map((passkey) => structuredClone(passkey));
    },
    async put(passkey) {
      passkeys.set(passkey.id, structuredClone(passkey));
    },
    async remove(id) {
      passkeys.delete(id);
    },
  };
}
