import { describe, expect, it } from 'vitest';
import { decryptNote, deriveNoteKey, encryptNote, fromBase64, parseStoredNote, prfSalt, toBase64 } from './prf';

describe('PRF note crypto', () => {
  it('uses SHA-256("Passkey Lab PRF demo") as the salt', async () => {
    const salt = await prfSalt();
    expect(salt).toHaveLength(32);
    expect(toBase64(salt)).toBe(toBase64(await prfSalt()));
  });

  it('round-trips a note with the key from the same PRF output, and fails with another', async () => {
    const output = new Uint8Array(32).fill(7);
    const sealed = await encryptNote(await deriveNoteKey(output), 'meet at noon ☀');
    // Sealed is base64 of random bytes, where any four letters turn up now and then: look in the bytes.
    expect(Buffer.from(fromBase64(sealed)).includes(Buffer.from('meet at noon'))).toBe(false);
    expect(await decryptNote(await deriveNoteKey(output), sealed)).toBe('meet at noon ☀');
    await expect(decryptNote(await deriveNoteKey(new Uint8Array(32).fill(8)), sealed)).rejects.toThrow();
  });

  it('encodes base64 both ways and reads a stored note only when complete', () => {
    expect(Array.from(fromBase64(toBase64(new Uint8Array([0, 255, 16]))))).toEqual([0, 255, 16]);
    expect(parseStoredNote('{"ciphertext":"a","credentialId":"b","encryptedAt":"c"}')).toEqual({ ciphertext: 'a', credentialId: 'b', encryptedAt: 'c' });
    expect(parseStoredNote('{"ciphertext":"a"}')).toBeNull();
    expect(parseStoredNote('nope')).toBeNull();
  });
});
