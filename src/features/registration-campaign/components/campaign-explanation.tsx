import type { Campaign } from '../../../shared/tenant';
import { snoozesSentence } from '../campaign-words';

/** The registration campaign's words inside the "Set up a passkey" card. */
export function CampaignExplanation({ campaign }: { campaign: Campaign }) {
  const required = campaign.mustRegister || campaign.snoozesLeft === 0;
  return (
    <>
      <p>
        Your organisation asks you to set up a passkey. With it you sign in by unlocking your device (face, fingerprint
        or PIN) instead of typing a code, and a fake site cannot steal it. It takes a minute.
      </p>
      {required ? (
        <p className="notice notice--warning">
          <strong>{snoozesSentence(campaign)}</strong>
        </p>
      ) : (
        <p>{snoozesSentence(campaign)}</p>
      )}
    </>
  );
}
