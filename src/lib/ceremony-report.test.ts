import { describe, expect, it } from 'vitest';
import { checkIds } from '../shared/report';
import { ApiError } from './api-client';
import { checkName, checkNames, describeCheck, outcomeOfError, outcomeWords, readCeremonyReport, reportOfError } from './ceremony-report';

describe('checkName', () => {
  it('has words for every check id, none of them the bare id', () => {
    for (const id of checkIds) {
      expect(checkNames[id]).toBeTruthy();
      expect(checkNames[id]).not.toBe(id);
    }
    expect(checkName('rpIdHash')).toBe('Site (RP ID hash)');
    expect(checkName('userVerification')).toBe('User verification (PIN or biometric)');
  });

  it('shows an id it does not know as it is', () => {
    expect(checkName('somethingNew')).toBe('somethingNew');
  });
});

describe('describeCheck', () => {
  it('says the name, passed or failed, and the message', () => {
    expect(describeCheck({ id: 'signature', passed: false, message: 'The signature did not verify.' })).toBe(
      'Signature failed: The signature did not verify.',
    );
    expect(describeCheck({ id: 'challenge', passed: true, message: 'ok' })).toBe('Challenge passed: ok');
  });
});

describe('outcomes', () => {
  const report = { ceremony: 'authentication' as const, options: null, decoded: {}, checks: [] };

  it('takes the code and report of a refused verify call', () => {
    const error = new ApiError({ status: 400, code: 'counter_regression', message: 'x', report });
    expect(outcomeOfError(error)).toBe('counter_regression');
    expect(reportOfError(error)).toBe(report);
    expect(reportOfError(new Error('x'))).toBeUndefined();
    expect(outcomeWords('accepted')).toBe('accepted');
    expect(outcomeWords('counter_regression')).toBe('refused (counter_regression)');
  });

  it('reads a report from navigation state only when it looks like one', () => {
    expect(readCeremonyReport({ report })).toBe(report);
    expect(readCeremonyReport({ report: { ceremony: 'x' } })).toBeNull();
    expect(readCeremonyReport(null)).toBeNull();
  });
});
