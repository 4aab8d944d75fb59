/**
 * CBOR (RFC 8949), the subset WebAuthn needs: unsigned and negative integers, byte and text
 * strings, arrays, maps, booleans and null. Encoding uses the shortest heads (preferred
 * serialisation), which is what CTAP2's canonical form asks for; map keys keep insertion order,
 * so callers list them in canonical order (COSE keys: 1, 3, -1, -2, -3).
 */
export type CborValue = number | string | boolean | null | Uint8Array | CborValue[] | Map<number | string, CborValue>;

function head(major: number, value: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`CBOR length/value out of range: ${value}`);
  const type = major << 5;
  if (value < 24) return Uint8Array.of(type | value);
  if (value < 0x100) return Uint8Array.of(type | 24, value);
  if (value < 0x10000) return Uint8Array.of(type | 25, value >> 8, value & 0xff);
  if (value < 0x100000000) return Uint8Array.of(type | 26, value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
  const out = new Uint8Array(9);
  out[0] = type | 27;
  new DataView(out.buffer).setBigUint64(1, BigInt(value));
  return out;
}

export function cborEncode(value: CborValue): Uint8Array {
  const chunks: Uint8Array[] = [];
  const walk = (item: CborValue): void => {
    if (typeof item === 'number') {
      if (!Number.isInteger(item)) throw new TypeError('This CBOR encoder only handles integers.');
      chunks.push(item >= 0 ? head(0, item) : head(1, -1 - item));
    } else if (typeof item === 'string') {
      const bytes = new TextEncoder().encode(item);
      chunks.push(head(3, bytes.length), bytes);
    } else if (typeof item === 'boolean') chunks.push(Uint8Array.of(item ? 0xf5 : 0xf4));
    else if (item === null) chunks.push(Uint8Array.of(0xf6));
    else if (item instanceof Uint8Array) chunks.push(head(2, item.length), Uint8Array.from(item));
    else if (Array.isArray(item)) {
      chunks.push(head(4, item.length));
      item.forEach(walk);
    } else {
      chunks.push(head(5, item.size));
      for (const [key, entry] of item) {
        walk(key);
        walk(entry);
      }
    }
  };
  walk(value);
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Decodes one CBOR item at the start of `bytes`; returns it and the number of bytes it took. */
export function cborDecodeFirst(bytes: Uint8Array): { value: CborValue; length: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  const need = (count: number) => {
    if (offset + count > bytes.length) throw new RangeError('CBOR data ends early.');
  };
  const readArgument = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) return need(1), view.getUint8(offset++);
    if (info === 25) return need(2), (offset += 2), view.getUint16(offset - 2);
    if (info === 26) return need(4), (offset += 4), view.getUint32(offset - 4);
    if (info === 27) {
      need(8);
      const big = view.getBigUint64(offset);
      offset += 8;
      if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('CBOR integer too large.');
      return Number(big);
    }
    throw new TypeError('Indefinite lengths and reserved values are not supported.');
  };
  const read = (depth: number): CborValue => {
    if (depth > 32) throw new RangeError('CBOR nesting too deep.');
    need(1);
    const initial = view.getUint8(offset++);
    const major = initial >> 5;
    const info = initial & 0x1f;
    if (major === 7) {
      if (info === 20) return false;
      if (info === 21) return true;
      if (info === 22) return null;
      throw new TypeError('Unsupported CBOR simple value or float.');
    }
    const argument = readArgument(info);
    switch (major) {
      case 0:
        return argument;
      case 1:
        return -1 - argument;
      case 2:
        need(argument);
        return bytes.slice(offset, (offset += argument));
      case 3:
        need(argument);
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(offset, (offset += argument)));
      case 4:
        return Array.from({ length: argument }, () => read(depth + 1));
      case 5: {
        const map = new Map<number | string, CborValue>();
        for (let i = 0; i < argument; i += 1) {
          const key = read(depth + 1);
          if (typeof key !== 'number' && typeof key !== 'string') throw new TypeError('Only int and text map keys are supported.');
          map.set(key, read(depth + 1));
        }
        return map;
      }
      default:
        throw new TypeError('CBOR tags are not supported.');
    }
  };
  const value = read(0);
  return { value, length: offset };
}

export function cborDecode(bytes: Uint8Array): CborValue {
  const { value, length } = cborDecodeFirst(bytes);
  if (length !== bytes.length) throw new TypeError('Trailing bytes after the CBOR item.');
  return value;
}
