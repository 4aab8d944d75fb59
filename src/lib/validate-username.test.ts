import { describe, expect, it } from 'vitest';
import { username as usernameSchema } from '../shared/schemas';
import { validateUsername } from './validate-username';

const samples = [
  'alice', ' bob ', 'a.b_c@d+e-f', 'Zoë', '', '   ', 'has space', 'semi;colon', 'x'.repeat(64), 'x'.repeat(65), '名前',
  // NFKC first: fullwidth and ligatures become plain letters; zero-width and bidi characters stay refused.
  'ｈｇ＿ａｄｍｉｎ', 'ﬁle', 'ＡＢＣ　ＤＥＦ', 'zero\u200Bwidth', 'evil\u202Eexe', 'x'.repeat(63) + 'ﬃ',
];

describe('validateUsername', () => {
  it.each(samples)('agrees with the relying party schema for %j', (value) => {
    expect(validateUsername(value) === undefined).toBe(usernameSchema.safeParse(value).success);
  });

  it('checks the NFKC form, as the relying party does', () => {
    expect(validateUsername('ｈｇ＿ａｄｍｉｎ')).toBeUndefined();
    expect(usernameSchema.parse('ｈｇ＿ａｄｍｉｎ')).toBe('hg_admin');
    expect(validateUsername('x'.repeat(63) + 'ﬃ')).toMatch(/64/);
  });

  it('explains what is wrong', () => {
    expect(validateUsername('')).toBe('Enter a username.');
    expect(validateUsername('has space')).toMatch(/no spaces/);
    expect(validateUsername('x'.repeat(65))).toMatch(/64/);
  });
});
