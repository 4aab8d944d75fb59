/**
 * Device-bound and synced passkeys side by side, for choosing a profile's passkey types.
 * Sources: Microsoft Learn, "How to enable synced passkeys (FIDO2) in Microsoft Entra ID"
 * (how-to-authentication-synced-passkeys) and "Passkeys (FIDO2) authentication method"
 * (concept-authentication-passkeys-fido2); see docs/entra-2026.md.
 */
const rows: { aspect: string; deviceBound: string; synced: string }[] = [
  {
    aspect: 'Where the private key lives',
    deviceBound: 'On one device only and never leaves it: a security key, Microsoft Authenticator, Windows Hello.',
    synced: 'In a passkey provider’s cloud (iCloud Keychain, Google Password Manager, 1Password, Bitwarden), end-to-end encrypted and copied to the person’s devices.',
  },
  {
    aspect: 'Lost device',
    deviceBound: 'The passkey is gone with it: the person needs another method or a Temporary Access Pass from the helpdesk.',
    synced: 'The passkey is still on the person’s other devices, or comes back when they sign in to the provider on a new one.',
  },
  {
    aspect: 'Attestation',
    deviceBound: 'Can prove its make and model; key restrictions by AAGUID can rely on it when attestation is enforced.',
    synced: 'Never attested: the AAGUID is only a claim. A profile that allows synced passkeys cannot enforce attestation.',
  },
  {
    aspect: 'Who should get it',
    deviceBound: 'Admins, highly privileged and sensitive accounts, regulated roles: security keys (or Authenticator) with attestation enforced.',
    synced: 'Information workers and frontline staff: the easiest set-up and recovery, still phishing-resistant.',
  },
];

export function PasskeyTypeComparison() {
  return (
    <section className="stack-sm" aria-labelledby="passkey-type-comparison">
      <h3 id="passkey-type-comparison">Device-bound or synced?</h3>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Device-bound and synced compared: table">
        <table className="data-table">
          <caption className="visually-hidden">Device-bound and synced passkeys compared</caption>
          <thead>
            <tr>
              <th scope="col">Aspect</th>
              <th scope="col">Device-bound</th>
              <th scope="col">Synced</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.aspect}>
                <th scope="row">{row.aspect}</th>
                <td>{row.deviceBound}</td>
                <td>{row.synced}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        A common split: one profile with device-bound passkeys only and attestation enforced, targeted at a group of admins; the default profile allows both
        types for everyone else.
      </p>
    </section>
  );
}
