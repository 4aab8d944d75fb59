/**
 * CBOR well-formedness (RFC 8949 §3): where an item ends, refusing truncated data and the
 * indefinite lengths WebAuthn's canonical CBOR does not use.
 */

const MAX_CBOR_DEPTH = 64;

/**
 * Where the CBOR item starting at `offset` ends. Throws when the item runs past the end of
 * the bytes: the CBOR decoder in @simplewebauthn/server silently shortens a truncated byte
 * string, so a cut-off response would otherwise decode. Indefinite lengths are refused
 * (WebAuthn uses CTAP2 canonical CBOR).
 */
export function cborItemEnd(bytes: Uint8Array, offset: number, depth = 0): number {
  if (depth > MAX_CBOR_DEPTH) throw new Error('CBOR nested too deeply');
  const initial = bytes[offset];
  if (initial === undefined) throw new Error('CBOR data ends early');
  const major = initial >> 5;
  const info = initial & 0x1f;
  let pointer = offset + 1;
  let argument: number;
  if (info < 24) argument = info;
  else if (info <= 27) {
    const size = 1 << (info - 24);
    if (pointer + size > bytes.length) throw new Error('CBOR data ends early');
    argument = 0;
    for (let i = 0; i < size; i += 1) argument = argument * 256 + (bytes[pointer + i] ?? 0);
    pointer += size;
  } else if (info === 31) throw new Error('indefinite-length CBOR is not allowed in WebAuthn');
  else throw new Error('malformed CBOR');
  switch (major) {
    case 0:
    case 1:
    case 7:
      return pointer;
    case 2:
    case 3:
      if (pointer + argument > bytes.length) throw new Error(`CBOR data ends early (a ${argument}-byte string has only ${bytes.length - pointer} bytes left)`);
      return pointer + argument;
    case 4:
    case 5: {
      const items = major === 5 ? argument * 2 : argument;
      if (items > bytes.length - pointer) throw new Error('CBOR data ends early');
      for (let i = 0; i < items; i += 1) pointer = cborItemEnd(bytes, pointer, depth + 1);
      return pointer;
    }
    default:
      // 6: a tag, followed by one item
      return cborItemEnd(bytes, pointer, depth + 1);
  }
}
