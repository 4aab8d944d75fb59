/**
 * The registration campaign's sentences (docs/api.md, "Registration campaign"): how many times the
 * person may still say "Not now", and what happens after. Pure, unit-tested.
 */
import type { Campaign } from '../../shared/tenant';

export function times(count: number): string {
  return count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`;
}

/** The line under the card's explanation. */
export function snoozesSentence(campaign: Campaign): string {
  if (campaign.reason === 'smsRetired') {
    return 'Text-message and voice codes are retired for your organisation, and they were your only way to verify. Setting up a passkey is now required: create one to go on.';
  }
  if (campaign.snoozesLeft === null) {
    return campaign.snoozeDurationInDays === 0
      ? 'You can put this off with “Not now”; your organisation will ask again the next time you sign in.'
      : `You can put this off with “Not now”; your organisation will ask again in ${campaign.snoozeDurationInDays === 1 ? 'a day' : `${campaign.snoozeDurationInDays} days`}.`;
  }
  if (campaign.mustRegister || campaign.snoozesLeft <= 0) {
    return `Setting up a passkey is now required: you have put it off ${times(campaign.snoozesUsed)}, as many times as your organisation allows. Create one to go on.`;
  }
  return `You can put this off ${campaign.snoozesLeft === 1 ? 'one more time' : `${campaign.snoozesLeft} more times`} with “Not now”; after that, setting up a passkey is required.`;
}

/** The status line after "Not now". */
export function snoozedSentence(campaign: Campaign): string {
  if (campaign.snoozesLeft === null) return 'Not now, then. Your organisation will ask again later.';
  if (campaign.snoozesLeft <= 0) {
    return 'Not now, then. That was the last time you can put it off: when your organisation asks again, setting up a passkey is required.';
  }
  return `Not now, then. Your organisation will ask again the next time you sign in; you can put it off ${campaign.snoozesLeft === 1 ? 'one more time' : `${campaign.snoozesLeft} more times`}.`;
}
