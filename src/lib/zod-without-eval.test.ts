import './zod-without-eval';
import { describe, expect, it } from 'vitest';
import { config } from 'zod/v4/core';

describe('zod-without-eval', () => {
  it('turns on Zod’s jitless setting, so no `new Function` probe meets the CSP', () => {
    expect(config().jitless).toBe(true);
  });
});
