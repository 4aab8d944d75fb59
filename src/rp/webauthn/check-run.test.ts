import { describe, expect, it } from 'vitest';
import { RpError } from '../http/rp-error.js';
import { CheckRun } from './check-run.js';
import { failed, passed } from './checks.js';

describe('CheckRun', () => {
  it('require: a passed check is recorded; a failed one ends the run with its code and the report so far', () => {
    const run: CheckRun<'authentication'> = new CheckRun('authentication', null);
    const pending: { challenge: string } | undefined = { challenge: 'c' };
    run.require(passed('challenge', 'ok'), pending);
    expect(pending.challenge).toBe('c'); // narrowed: no `!` needed
    let error: unknown;
    try {
      run.require(failed('origin', 'origin_mismatch', 'no'));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RpError);
    expect(error).toMatchObject({ code: 'origin_mismatch', report: { ceremony: 'authentication', checks: [{ id: 'challenge' }, { id: 'origin', passed: false }] } });
  });

  it('require: a passed check without what it vouches for is a bug, not a pass', () => {
    const run: CheckRun<'registration'> = new CheckRun('registration', null);
    expect(() => run.require(passed('credential', 'ok'), undefined)).toThrow(/vouches for/);
  });

  it('refuse: records the failed check and ends the run', () => {
    const run: CheckRun<'registration'> = new CheckRun('registration', null);
    expect(() => run.refuse(failed('attestation', 'attestation_invalid', 'bad'))).toThrow(RpError);
    expect(run.checks).toEqual([{ id: 'attestation', passed: false, message: 'bad', code: 'attestation_invalid' }]);
  });
});
