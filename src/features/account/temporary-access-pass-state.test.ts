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

  it('makes the target safe once, when the state is written: no "//" survives normalising', () => {
    for (const target of ['/.//evil.example', '/..//evil.example', '/%2e//evil.example']) {
      expect(temporaryAccessPassState(target)).toEqual({ temporaryAccessPass: true });
    }
    expect(temporaryAccessPassState('/a/../apps/sensitive')).toEqual({ temporaryAccessPass: true, continueTo: '/apps/sensitive' });
  });

  it('reads back only a plain path on this site, unchanged (not normalised a second time)', () => {
    expect(readTemporaryAccessPassState({ temporaryAccessPass: true, continueTo: '/apps/sensitive?x=1' })).toEqual({ continueTo: '/apps/sensitive?x=1' });
    for (const continueTo of ['/.//evil.example', '/a/../account', 'https://evil.example', 42]) {
      expect(readTemporaryAccessPassState({ temporaryAccessPass: true, continueTo })).toEqual({ continueTo: null });
    }
  });

  it('ignores any other state', () => {
    for (const state of [null, undefined, 'x', {}, { temporaryAccessPass: 'yes' }, { signedInWith: 'handoff' }]) {
      expect(readTemporaryAccessPassState(state)).toBeNull();
    }
  });
});
