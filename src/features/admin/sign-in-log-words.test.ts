import { describe, expect, it } from 'vitest';
import { signInLogSearch } from './api/get-sign-in-log';
import { resultWords } from './sign-in-log-words';

describe('resultWords', () => {
  it('says success, or refused with the code and its meaning', () => {
    expect(resultWords('success')).toEqual({ success: true, text: 'Success', meaning: null });
    const blocked = resultWords('aaguid_blocked');
    expect(blocked).toMatchObject({ success: false, text: 'Refused: aaguid_blocked' });
    expect(blocked.meaning).toMatch(/authenticator/);
    expect(resultWords('something_new')).toEqual({ success: false, text: 'Refused: something_new', meaning: null });
  });

  it('says an admin removed the passkey, not that something was refused', () => {
    expect(resultWords('removed_by_admin')).toMatchObject({ success: false, text: 'Removed by an admin' });
  });
});

describe('signInLogSearch', () => {
  it('keeps only the filters that are set, trimmed', () => {
    expect(signInLogSearch({})).toBe('');
    expect(signInLogSearch({ username: '  ', ceremony: '', result: 'failure' })).toBe('?result=failure');
    expect(signInLogSearch({ username: ' ana@example.com ', ceremony: 'registration' })).toBe('?username=ana%40example.com&ceremony=registration');
  });
});
