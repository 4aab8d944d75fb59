import { describe, expect, it } from 'vitest';
import { readTemporaryAccessPassState, temporaryAccessPassState } from './temporary-access-pass-state';

describe('the state a Temporary Access Pass sign-in leaves for /account', () => {
  it('round-trips the page the person was going to', () => {
    expect(readTemporaryAccessPassState(temporaryAccessPassState('/apps/sensitive'))).toEqual({ continueTo: '/apps/sensitive' });
    expect(readTemporaryAccessPassState(temporaryAccessPassState())).toEqual({ continueTo: null });
  });

  it('drops a target off this site, and /account itself', () => {
    expect(temporaryAccessPassState('https://evil.example/')).toEqual({ temporaryAccessPass: true });
    expect(temporaryAccessPassState('/account')).toEqual({ temporaryAccessPass: true });
    expect(readTemporaryAccessPassState({ temporaryAccessPass: true, continueTo: '//evil.example' })).toEqual({ continueTo: null });
  });

  it('ignores any other state', () => {
    for (const state of [null, undefined, 'x', {}, { temporaryAccessPass: 'yes' }, { signedInWith: 'handoff' }]) {
      expect(readTemporaryAccessPassState(state)).toBeNull();
    }
  });
});
