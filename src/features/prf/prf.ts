/**
 * The PRF demo's cryptography, all in the browser: the passkey's authenticator derives a
 * 32-byte secret from a fixed salt (the WebAuthn PRF extension), HKDF turns it into an
 * AES-GCM key, and the note is encrypted with a fresh 12-byte IV. The server never sees the
 * secret, the key or the note. Uses WebCrypto only (also in Node, for the unit tests).
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The PRF input (salt): SHA-256("Passkey Lab PRF demo"), the same on every visit, so the same key comes back. */
export async function prfSalt(): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode('Passkey Lab PRF demo')));
}

/** HKDF-SHA-256 over the PRF output → an AES-GCM-256 key that cannot be exported. */
export async function deriveNoteKey(prfOutput: BufferSource): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', prfOutput, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode('Passkey Lab note key v1') },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.trim());
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** base64(IV ‖ AES-GCM ciphertext with its tag). */
export async function encryptNote(key: CryptoKey, note: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(note)));
  const out = new Uint8Array(iv.length + ciphertext.length);
  out.set(iv);
  out.set(ciphertext, iv.length);
  return toBase64(out);
}

/** The note back; rejects (an OperationError) when the key is not the one that encrypted it. */
export async function decryptNote(key: CryptoKey, sealed: string): Promise<string> {
  const bytes = fromBase64(sealed);
  if (bytes.length < 12 + 16) throw new DOMException('The encrypted note is too short.', 'DataError');
  const plaintext = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.slice(0, 12) }, key, bytes.slice(12));
  return decoder.decode(plaintext);
}

/** Where the encrypted note is kept between visits (localStorage). */
export const PRF_NOTE_STORAGE_KEY = 'passkey-lab:prf-note';

export interface StoredNote {
  /** base64(IV ‖ ciphertext). */
  ciphertext: string;
  /** base64url id of the passkey whose PRF key encrypted it. */
  credentialId: string;
  encryptedAt: string;
}

export function parseStoredNote(text: string | null): StoredNote | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<StoredNote>;
    return typeof value.ciphertext === 'string' && typeof value.credentialId === 'string' && typeof value.encryptedAt === 'string'
      ? { ciphertext: value.ciphertext, credentialId: value.credentialId, encryptedAt: value.encryptedAt }
      : null;
  } catch {
    return null;
  }
}
