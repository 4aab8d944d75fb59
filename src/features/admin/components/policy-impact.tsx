import { useSession } from '../../../lib/session';
import type { PolicyImpact as Impact } from '../../../shared/tenant';

/**
 * Who a policy change would stop: the people locked out first (highlighted: they could not
 * sign in at all), then every passkey that would stop working, with its owner and the reason.
 */
export function PolicyImpact({ impact }: { impact: Impact }) {
  const { usersLockedOut, passkeysStopping, passkeysStarting } = impact;
  const me = useSession().data?.user.username;
  const lockedOutMyself = usersLockedOut.some((user) => user.username === me);
  return (
    <div className="stack-sm">
      {usersLockedOut.length > 0 ? (
        <div className="notice notice--error locked-out" role="group" aria-label="Users who would be locked out">
          <p className="notice__title">
            {usersLockedOut.length === 1 ? '1 person would be locked out' : `${usersLockedOut.length} people would be locked out`}: none of their
            passkeys would sign them in.
          </p>
          <ul className="tight-list">
            {usersLockedOut.map((user) => (
              <li key={user.userId}>
                <strong>{user.username}</strong>
                {user.username === me && ' (you)'} ({user.passkeys === 1 ? '1 passkey' : `${user.passkeys} passkeys`})
              </li>
            ))}
          </ul>
          <p>
            They would need a Temporary Access Pass to register an allowed passkey.
            {lockedOutMyself && ' That includes you: after saving, you could not sign in again with your passkeys.'}
          </p>
        </div>
      ) : (
        <p>Nobody would be locked out.</p>
      )}
      {passkeysStopping.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table admin-table">
            <caption>
              {passkeysStopping.length === 1 ? '1 passkey would stop working' : `${passkeysStopping.length} passkeys would stop working`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Owner</th>
                <th scope="col">Passkey</th>
                <th scope="col">Provider</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {passkeysStopping.map((passkey) => (
                <tr key={passkey.credentialId}>
                  <td data-label="Owner">
                    {passkey.username}
                    {passkey.username === me && ' (you)'}
                  </td>
                  <td data-label="Passkey">{passkey.nickname}</td>
                  <td data-label="Provider">
                    {passkey.providerName ?? 'Unknown provider'}
                    <code className="aaguid aaguid--small">{passkey.aaguid}</code>
                  </td>
                  <td data-label="Reason">
                    {passkey.reason} <code className="muted-code">({passkey.code})</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No passkey in use would stop working.</p>
      )}
      {passkeysStarting > 0 && (
        <p>{passkeysStarting === 1 ? '1 passkey refused now would work again.' : `${passkeysStarting} passkeys refused now would work again.`}</p>
      )}
    </div>
  );
}
