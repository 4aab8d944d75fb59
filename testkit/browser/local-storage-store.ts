/**
 * Simulated passkeys kept in the browser's localStorage, so a person can come back later and
 * sign in with them. Entries that do not look like passkeys are skipped, not trusted.
 */
import { isDeviceId } from '../core/presets';
import type { PasskeyStore, StoredPasskey } from '../core/types';

export const PASSKEYS_STORAGE_KEY = 'passkey-lab:simulator:passkeys';

function isStoredPasskey(value: unknown): value is StoredPasskey {
  if (!value || typeof value !== 'object') return false;
  const entry = value as Record<string, unknown>;
  return (
    ['id', 'rpId', 'userHandle', 'userName', 'userDisplayName', 'aaguid', 'publicKeyCose'].every((key) => typeof entry[key] === 'string') &&
    isDeviceId(entry.preset) &&
    typeof entry.algorithm === 'number' &&
    typeof entry.signCount === 'number' &&
    typeof entry.backupEligible === 'boolean' &&
    typeof entry.backupState === 'boolean' &&
    typeof entry.createdAt === 'number' &&
    !!entry.privateKeyJwk &&
    typeof entry.privateKeyJwk === 'object'
  );
}

export function createLocalStorageStore(storage: Storage = globalThis.localStorage, key = PASSKEYS_STORAGE_KEY): PasskeyStore {
  const read = (): StoredPasskey[] => {
    try {
      const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter(isStoredPasskey) : [];
    } catch {
      return [];
    }
  };
  const write = (passkeys: StoredPasskey[]) => storage.setItem(key, JSON.stringify(passkeys));
  return {
    async list() {
      return read();
    },
    async put(passkey) {
      write([...read().filter((entry) => entry.id !== passkey.id), passkey]);
    },
    async remove(id) {
      write(read().filter((entry) => entry.id !== id));
    },
  };
}
