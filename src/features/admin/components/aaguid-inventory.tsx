import { Link } from 'react-router';
import { ProviderIcon } from '../../../components/provider-icon';
import { formatDateTime } from '../../../lib/format-date';
import { paths } from '../../../lib/paths';
import { unattestedAaguidNote } from '../../../shared/policy';
import { simulatedInventoryNote } from '../../../shared/simulator-labels';
import type { AaguidUsage } from '../../../shared/tenant';

/**
 * Every AAGUID registered in the tenant (EntraIDPasskeyHelper's Get-PasskeyDeviceBoundAAGUID): provider,
 * counts, last use, whether the current policy allows it, and for AAGUIDs that no attestation
 * vouched for, that they are only a claim.
 */
export function AaguidInventory({ aaguids }: { aaguids: AaguidUsage[] }) {
  if (aaguids.length === 0) {
    return (
      <p className="empty-state">
        No passkey is registered in the tenant yet. Once people <Link to={paths.register.getHref()}>register</Link>, their authenticators’ AAGUIDs
        appear here.
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table className="data-table admin-table inventory-table">
        <caption>AAGUIDs registered in the tenant, most passkeys first</caption>
        <thead>
          <tr>
            <th scope="col">Provider and AAGUID</th>
            <th scope="col">Passkeys</th>
            <th scope="col">Users</th>
            <th scope="col">Last used</th>
            <th scope="col">Allowed by policy</th>
          </tr>
        </thead>
        <tbody>
          {aaguids.map((usage) => {
            const unattested = usage.passkeys - usage.attestedPasskeys;
            const note = unattestedAaguidNote(usage.aaguid, unattested === 0, usage.providerName);
            return (
              <tr key={usage.aaguid}>
                <th scope="row" data-label="Provider">
                  <span className="provider">
                    {usage.providerIcon && <ProviderIcon icon={usage.providerIcon} />}
                    {usage.providerName ?? 'Unknown provider'}
                  </span>
                  <code className="aaguid inventory-aaguid">{usage.aaguid}</code>
                  {/* Attested by the simulator or only claimed by practice mode: the count covers both. */}
                  {usage.simulatedPasskeys > 0 && <p className="simulated-note">{simulatedInventoryNote(usage)}</p>}
                  {note && (
                    <details className="claim-note">
                      <summary>
                        Only a claim: {unattested === usage.passkeys ? 'not attested' : `${unattested} of ${usage.passkeys} passkeys not attested`}
                      </summary>
                      <p>{note}</p>
                    </details>
                  )}
                </th>
                <td data-label="Passkeys">{usage.passkeys}</td>
                <td data-label="Users">
                  {usage.users}
                  {usage.usernames.length > 0 && <span className="usernames">{usage.usernames.join(', ')}</span>}
                </td>
                <td data-label="Last used">{formatDateTime(usage.lastUsedAt)}</td>
                <td data-label="Allowed by policy">
                  <span className={usage.allowedByPolicy ? 'badge badge--yes' : 'badge badge--blocked'}>{usage.allowedByPolicy ? 'Yes' : 'No'}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
