import { describe, expect, it } from 'vitest';
import { jsonNestingDepth, MAX_JSON_DEPTH, nestsTooDeep } from './json-depth';

const nested = (levels: number, open = '[', close = ']') => open.repeat(levels) + close.repeat(levels);

describe('jsonNestingDepth', () => {
  it.each([
    ['1', 0],
    ['"text"', 0],
    ['{}', 1],
    ['[1,[2,[3]]]', 3],
    ['{"a":{"b":[1,2]},"c":{}}', 3],
  ])('%s nests %i deep', (text, depth) => expect(jsonNestingDepth(text)).toBe(depth));

  it('ignores brackets inside strings, also after escaped quotes', () => {
    expect(jsonNestingDepth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(jsonNestingDepth('{"a":"\\"[[[[","b":"\\\\"}')).toBe(1);
  });

  it('stops early once past the limit', () => expect(jsonNestingDepth(nested(100_000), 40)).toBe(41));
});

describe('nestsTooDeep', () => {
  it('allows the limit itself and refuses one more', () => {
    expect(nestsTooDeep(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(nestsTooDeep(nested(MAX_JSON_DEPTH + 1))).toBe(true);
  });
  it('refuses 5,000 levels of objects', () => expect(nestsTooDeep('{"a":'.repeat(5000) + '1' + '}'.repeat(5000))).toBe(true));
  it('counts objects and arrays together: the limit reached with both kinds is still refused one level further', () => {
    const half = MAX_JSON_DEPTH / 2;
    expect(nestsTooDeep('{"a":'.repeat(half) + '['.repeat(half + 1) + ']'.repeat(half + 1) + '}'.repeat(half))).toBe(true);
    expect(nestsTooDeep('{"a":'.repeat(half) + '['.repeat(half) + ']'.repeat(half) + '}'.repeat(half))).toBe(false);
  });
  it('allows many brackets side by side, and brackets inside strings, however many', () => {
    expect(nestsTooDeep(JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ i, list: [i] }))))).toBe(false);
    expect(nestsTooDeep(JSON.stringify({ text: '[{'.repeat(1000) }))).toBe(false);
  });
});
