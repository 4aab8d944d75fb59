import { formatDateTime } from '../lib/format-date';
import { passkeyTypeLabel, providerLabel, transportsSentence } from '../lib/passkey-words';
import type { Credential } from '../shared/schemas';
import { simulatedLabelOf, simulatedProviderName } from '../shared/simulator-labels';
import { ProviderIcon, providerIconOf } from './provider-icon';

export interface PasskeyFactsProps {
  credential: Credential;
  /** Also show when it was created and last used (account page). */
  withDates?: boolean;
}

/** Provider, type, reach (and dates) of one passkey, as a description list. */
export function PasskeyFacts({ credential, withDates = false }: PasskeyFactsProps) {
  const icon = providerIconOf(credential);
  // Attested by this lab's simulator, or only claimed by practice mode: said either way.
  const simulatedLabel = simulatedLabelOf(credential);
  return (
    <dl className="facts">
      <div>
        <dt>Kept by</dt>
        <dd className={icon ? 'provider' : undefined}>
          {icon && <ProviderIcon icon={icon} />}
          <span>{simulatedProviderName(providerLabel(credential), credential)}</span>
        </dd>
      </div>
      <div>
        <dt>Type</dt>
        <dd>{passkeyTypeLabel(credential)}</dd>
      </div>
      <div>
        <dt>Reached through</dt>
        <dd>{transportsSentence(credential.transports)}</dd>
      </div>
      {simulatedLabel && (
        <div>
          <dt>Attestation</dt>
          <dd className="simulated">{simulatedLabel}</dd>
        </div>
      )}
      {withDates && (
        <>
          <div>
            <dt>Created</dt>
            <dd>
              <time dateTime={credential.createdAt}>{formatDateTime(credential.createdAt)}</time>
            </dd>
          </div>
          <div>
            <dt>Last used</dt>
            <dd>
              {credential.lastUsedAt ? (
                <time dateTime={credential.lastUsedAt}>{formatDateTime(credential.lastUsedAt)}</time>
              ) : (
                'never'
              )}
            </dd>
          </div>
        </>
      )}
    </dl>
  );
}
