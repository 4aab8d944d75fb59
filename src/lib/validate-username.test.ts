import { describe, expect, it } from 'vitest';
import { username as usernameSchema } from '../shared/schemas';
import { validateUsername } from './validate-username';

const samples = ['alice', ' bob ', 'a.b_c@d+e-f', 'Zoë', '', '   ', 'has space', 'semi;colon', 'x'.repeat(64), 'x'.repeat(65), '名前'];

describe('validateUsername', () => {
  it.each(samples)('agrees with the relying party schema for %j', (value) => {
    expect(validateUsername(value) === undefined).toBe(usernameSchema.safeParse(value).success);
  });

  it('explains what is wrong', () => {
    expect(validateUsername('')).toBe('Enter a username.');
    expect(validateUsername('has space')).toMatch(/no spaces/);
    expect(validateUsername('x'.repeat(65))).toMatch(/64/);
  });
});
