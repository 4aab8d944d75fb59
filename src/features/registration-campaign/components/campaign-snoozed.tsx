import { StatusMessage } from '../../../components/alert';
import type { Campaign } from '../../../shared/tenant';
import { snoozedSentence } from '../campaign-words';

/** After "Not now": when the organisation asks again, and how many more times it may be put off. */
export function CampaignSnoozed({ campaign }: { campaign: Campaign }) {
  return (
    <StatusMessage>
      <p>{snoozedSentence(campaign)}</p>
    </StatusMessage>
  );
}
