import { providerNameFor } from '../../../shared/aaguids';
import type { Fido2Policy } from '../../../shared/policy';
import { passkeyTypesWords } from '../policy-form';
import { PasskeyTypeComparison } from './passkey-type-comparison';

/**
 * The saved passkey profiles (Graph's current model: up to 3, one of them the default). The
 * Configure settings above edit the default profile; a target that names no profile uses it.
 */
export function PasskeyProfiles({ policy }: { policy: Fido2Policy }) {
  return (
    <>
    <ul className="profile-list" aria-label="Passkey profiles">
      {policy.passkeyProfiles.map((profile) => {
        const isDefault = profile.id === policy.defaultPasskeyProfile;
        const { isEnforced, enforcementType, aaGuids } = profile.keyRestrictions;
        return (
          <li key={profile.id} className="profile">
            <h3 className="profile__name">
              {profile.name} {isDefault && <span className="badge badge--yes">Default</span>}
            </h3>
            <dl className="facts profile__facts">
              <div>
                <dt>Passkey types</dt>
                <dd>{passkeyTypesWords(profile.passkeyTypes)}</dd>
              </div>
              <div>
                <dt>Attestation</dt>
                <dd>{profile.attestationEnforcement === 'registrationOnly' ? 'Enforced at registration' : 'Not enforced'}</dd>
              </div>
              <div>
                <dt>Key restrictions</dt>
                <dd>
                  {!isEnforced
                    ? `Not enforced${aaGuids.length > 0 ? ` (${aaGuids.length} AAGUID${aaGuids.length === 1 ? '' : 's'} listed, no effect)` : ''}`
                    : enforcementType === 'allow'
                      ? `Allow only ${aaGuids.length === 1 ? '1 AAGUID' : `${aaGuids.length} AAGUIDs`}`
                      : `Block ${aaGuids.length === 1 ? '1 AAGUID' : `${aaGuids.length} AAGUIDs`}`}
                  {isEnforced && aaGuids.length > 0 && (
                    <ul className="tight-list profile__aaguids">
                      {aaGuids.map((aaguid) => (
                        <li key={aaguid}>
                          {providerNameFor(aaguid) ?? 'Unknown provider'} <code className="aaguid aaguid--small">{aaguid}</code>
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
              <div>
                <dt>Id</dt>
                <dd>
                  <code className="aaguid aaguid--small">{profile.id}</code>
                </dd>
              </div>
            </dl>
          </li>
        );
      })}
    </ul>
    <PasskeyTypeComparison />
    </>
  );
}
