import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { StatusMessage } from '../../../components/alert';
import { Button } from '../../../components/button';
import { paths } from '../../../lib/paths';
import { providerNameFor } from '../../../shared/aaguids';
import type { PrepareAllowListRequest } from '../../../shared/tenant';
import { usePrepareAllowList } from '../api/prepare-allow-list';
import { useUpdatePolicy } from '../api/update-policy';
import { defaultProfileOf, fieldWords } from '../policy-form';
import { AdminErrorAlert } from './admin-error-alert';
import { CheckboxField } from './checkbox-field';
import { PolicyImpact } from './policy-impact';

type MicrosoftChoice = NonNullable<PrepareAllowListRequest['microsoftAaguidsAllowed']>;

const choices: { value: MicrosoftChoice; label: string }[] = [
  { value: 'All', label: 'All' },
  { value: 'iOS', label: 'iOS' },
  { value: 'Android', label: 'Android' },
];

/**
 * Set-PasskeyAuthenticationMethodsPolicy (EntraIDPasskeyHelper) with -WhatIf: build an allow list of every
 * AAGUID in use plus Microsoft Authenticator's, show what it would do, then apply it.
 */
export function PrepareAllowList({ providerNames = {} }: { providerNames?: Record<string, string | null> }) {
  const ids = useId();
  const [request, setRequest] = useState<Required<PrepareAllowListRequest>>({
    microsoftAaguidsAllowed: 'All',
    enforceAttestation: false,
    overwriteExistingAaguids: false,
    includeWindowsHello: false,
  });
  const prepare = usePrepareAllowList();
  const apply = useUpdatePolicy();
  const whatIfHeading = useRef<HTMLHeadingElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (prepare.isSuccess) whatIfHeading.current?.focus();
  }, [prepare.isSuccess]);

  function change(next: Partial<PrepareAllowListRequest>) {
    setRequest((r) => ({ ...r, ...next }));
    prepare.reset();
    apply.reset();
  }

  function onPrepare(event: FormEvent) {
    event.preventDefault();
    apply.reset();
    prepare.mutate(request);
  }

  function onApply() {
    if (!prepare.data) return;
    apply.mutate(prepare.data.patch, {
      onSuccess: () => {
        prepare.reset();
        requestAnimationFrame(() => statusRef.current?.focus());
      },
    });
  }

  const allowed = prepare.data ? defaultProfileOf(prepare.data.policy).keyRestrictions.aaGuids : [];

  return (
    <section className="card stack-sm" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>Prepare allow list</h2>
      <p>
        Builds an allow list from every AAGUID in use plus Microsoft Authenticator’s (and, if you choose, Windows Hello’s), so that turning key restrictions on locks nobody out — what the
        EntraIDPasskeyHelper module’s <code>Set-PasskeyAuthenticationMethodsPolicy</code> does. First you see what it would change; nothing is saved until
        you apply it.
      </p>
      <form className="stack-sm" onSubmit={onPrepare} noValidate>
        <fieldset className="choice-group admin-fieldset">
          <legend>Microsoft Authenticator</legend>
          {choices.map((choice) => (
            <label key={choice.value} className="radio">
              <input
                type="radio"
                name={`${ids}-ms`}
                checked={request.microsoftAaguidsAllowed === choice.value}
                onChange={() => change({ microsoftAaguidsAllowed: choice.value })}
              />
              {choice.label}
            </label>
          ))}
        </fieldset>
        <CheckboxField
          label="Enforce attestation"
          hint="Off by default, as in the module. On: the profile allows device-bound passkeys only, because synced passkeys are never attested; passkeys that cannot prove their make and model could not register."
          checked={request.enforceAttestation}
          onChange={(enforceAttestation) => change({ enforceAttestation, ...(enforceAttestation ? { includeWindowsHello: false } : {}) })}
        />
        <CheckboxField
          label="Allow Entra passkeys on Windows (preview)"
          hint="Adds the three Windows Hello AAGUIDs (hardware TPM 08987058-…, VBS 9ddd1817-…, software 6028b017-…). During the preview Microsoft requires them on an allow list with key restrictions on and attestation off, so this turns attestation off."
          checked={request.includeWindowsHello}
          onChange={(includeWindowsHello) => change({ includeWindowsHello, ...(includeWindowsHello ? { enforceAttestation: false } : {}) })}
        />
        <CheckboxField
          label="Overwrite existing AAGUIDs"
          hint="Off: the AAGUIDs the default profile lists now are kept. On: the list is replaced."
          checked={request.overwriteExistingAaguids}
          onChange={(overwriteExistingAaguids) => change({ overwriteExistingAaguids })}
        />
        <div className="actions">
          <Button type="submit" busy={prepare.isPending}>
            Prepare allow list
          </Button>
        </div>
      </form>
      {prepare.isError && <AdminErrorAlert error={prepare.error} />}
      <div ref={statusRef} tabIndex={-1} className="status-anchor">
        {apply.isSuccess && (
          <StatusMessage>
            <p className="notice__title">Allow list applied.</p>
            <p>
              {(() => {
                const count = defaultProfileOf(apply.data).keyRestrictions.aaGuids.length;
                return `Key restrictions are enforced: ${count === 1 ? '1 AAGUID is' : `${count} AAGUIDs are`} allowed.`;
              })()}{' '}
              See it on the <Link to={paths.adminPolicy.getHref()}>Passkey policy</Link> screen.
            </p>
          </StatusMessage>
        )}
      </div>
      {prepare.isSuccess && (
        <div className="review stack-sm">
          <h3 ref={whatIfHeading} tabIndex={-1}>
            What if: nothing is saved yet
          </h3>
          <p>
            Changes:{' '}
            {prepare.data.changedFields.length > 0
              ? prepare.data.changedFields.map((field) => fieldWords[field] ?? field).join('; ')
              : 'none — the policy already says this'}
            .
          </p>
          <p>
            Passkeys would be {prepare.data.policy.state === 'enabled' ? 'enabled' : 'disabled'}, self-service set up{' '}
            {prepare.data.policy.isSelfServiceRegistrationAllowed ? 'allowed' : 'not allowed'}, attestation{' '}
            {defaultProfileOf(prepare.data.policy).attestationEnforcement === 'registrationOnly' ? 'enforced' : 'not enforced'}, and only these AAGUIDs
            allowed:
          </p>
          <ul className="aaguid-list" aria-label="AAGUIDs that would be allowed">
            {allowed.map((aaguid) => (
              <li key={aaguid} className="aaguid-list__item">
                <span className="aaguid-list__text">
                  <span className="aaguid-list__name">{providerNames[aaguid] ?? providerNameFor(aaguid) ?? 'Provider not known to the lab'}</span>
                  <code className="aaguid">{aaguid}</code>
                </span>
              </li>
            ))}
          </ul>
          <PolicyImpact impact={prepare.data.impact} />
          <div className="actions">
            <Button variant={prepare.data.impact.usersLockedOut.length > 0 ? 'danger' : 'primary'} busy={apply.isPending} onClick={onApply}>
              Apply allow list
            </Button>
            <Button variant="secondary" onClick={() => prepare.reset()}>
              Cancel
            </Button>
          </div>
          {apply.isError && <AdminErrorAlert error={apply.error} />}
        </div>
      )}
    </section>
  );
}
