import { describe, expect, it } from 'vitest';
import { defaultRegistrationCampaign } from '../../shared/registration-campaign';
import { rolloutRules } from '../../shared/rollout';
import { campaignSentence, daysAwayWords, rulesSentences } from './rollout-words';

describe('rollout words', () => {
  it('says how far a milestone is', () => {
    expect(daysAwayWords(0)).toBe('today');
    expect(daysAwayWords(1)).toBe('in 1 day');
    expect(daysAwayWords(-12)).toBe('12 days ago');
  });
  it('names what applies on each side of the dates', () => {
    expect(rulesSentences(rolloutRules('2026-08-01', false)).join(' ')).toContain('Nothing has changed yet');
    expect(rulesSentences(rolloutRules('2026-09-01', false)).join(' ')).toContain('enabled for passkeys');
    expect(rulesSentences(rolloutRules('2026-09-01', true)).join(' ')).toContain('opted out');
    expect(rulesSentences(rolloutRules('2027-02-01', true)).join(' ')).toContain('opt-out no longer applies');
  });
  it('describes the default campaign before and after 1 September', () => {
    expect(campaignSentence(defaultRegistrationCampaign(), rolloutRules('2026-08-01', false))).toContain('off until 1 September 2026');
    expect(campaignSentence(defaultRegistrationCampaign(), rolloutRules('2026-09-01', false))).toContain('Microsoft managed');
  });
});
