import { describe, expect, it } from 'vitest';
import { measurePolicy, POLICY_SIZE_LIMIT_BYTES, policySizeBytes } from './policy-size';

describe('policy size', () => {
  it('is 20 KB: 20,480 bytes', () => {
    expect(POLICY_SIZE_LIMIT_BYTES).toBe(20_480);
  });

  it('counts UTF-8 bytes of the compact JSON', () => {
    expect(policySizeBytes({ a: 'é' })).toBe('{"a":"é"}'.length + 1);
  });

  it('fits strictly below the limit', () => {
    const atLimit = { x: 'a'.repeat(POLICY_SIZE_LIMIT_BYTES - 8) }; // {"x":"…"} adds 8 bytes
    expect(policySizeBytes(atLimit)).toBe(POLICY_SIZE_LIMIT_BYTES);
    expect(measurePolicy(atLimit)).toMatchObject({ fits: false, share: 1 });
    expect(measurePolicy({ x: 'a'.repeat(POLICY_SIZE_LIMIT_BYTES - 9) })).toMatchObject({ fits: true });
    expect(measurePolicy({ x: 'a'.repeat(100_000) }).share).toBe(1);
  });
});
