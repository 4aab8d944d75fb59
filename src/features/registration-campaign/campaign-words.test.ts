import { describe, expect, it } from 'vitest';
import { snoozedSentence, snoozesSentence, times } from './campaign-words';

const base = { reason: 'adminTarget' as const, snoozedUntil: null, snoozeDurationInDays: 0 };
const campaign = (snoozesUsed: number, mustRegister = false) => ({ ...base, nudge: !mustRegister, snoozesUsed, snoozesLeft: 3 - snoozesUsed, mustRegister });

describe('registration campaign wording', () => {
  it('counts the snoozes left in words', () => {
    expect(snoozesSentence(campaign(0))).toContain('put this off 3 more times');
    expect(snoozesSentence(campaign(2))).toContain('put this off one more time');
    expect(snoozedSentence(campaign(1))).toContain('you can put it off 2 more times');
    expect(snoozedSentence(campaign(2))).toContain('one more time');
  });

  it('says registration is required when no snooze is left', () => {
    expect(snoozesSentence(campaign(3, true))).toBe(
      'Setting up a passkey is now required: you have put it off 3 times, as many times as your organisation allows. Create one to go on.',
    );
    expect(snoozesSentence({ ...base, nudge: true, snoozesUsed: 3, snoozesLeft: 0, mustRegister: false })).toContain('now required');
    expect(snoozedSentence(campaign(3))).toContain('That was the last time');
  });

  it('says once and twice', () => {
    expect([times(1), times(2), times(3)]).toEqual(['once', 'twice', '3 times']);
  });
});

describe('Microsoft-managed campaign and the SMS retirement', () => {
  const managed = { nudge: true, reason: 'microsoftManaged' as const, snoozesUsed: 5, snoozesLeft: null, mustRegister: false, snoozedUntil: null, snoozeDurationInDays: 1 };
  it('unlimited snoozes say when the nudge comes back, never that registration becomes required', () => {
    expect(snoozesSentence(managed)).toContain('ask again in a day');
    expect(snoozesSentence({ ...managed, snoozeDurationInDays: 0 })).toContain('next time you sign in');
    expect(snoozesSentence(managed)).not.toContain('required');
    expect(snoozedSentence(managed)).toContain('ask again later');
  });
  it('the blocking prompt after the SMS retirement says why', () => {
    expect(snoozesSentence({ ...managed, reason: 'smsRetired', snoozesLeft: 0, mustRegister: true })).toContain('retired');
  });
});
