import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Note } from '../../../components/alert';
import { Button } from '../../../components/button';
import { paths } from '../../../lib/paths';
import { type Fido2Policy, type Fido2PolicyPatchInput, MICROSOFT_AUTHENTICATOR_AAGUIDS, type PasskeyTypes, passkeyTypeValues } from '../../../shared/policy';
import type { Group } from '../../../shared/tenant';
import { usePreviewPolicy } from '../api/preview-policy';
import { useUpdatePolicy } from '../api/update-policy';
import { describePolicyChanges } from '../policy-changes';
import {
  fieldWords,
  formFromPolicy,
  microsoftAuthenticatorState,
  passkeyTypesWords,
  patchFromForm,
  type PolicyFormState,
  policyFromForm,
  setMicrosoftAuthenticator,
} from '../policy-form';
import { AaguidListEditor } from './aaguid-list-editor';
import { AdminErrorAlert } from './admin-error-alert';
import { CheckboxField } from './checkbox-field';
import { PolicyImpact } from './policy-impact';
import { PolicySizeMeter } from './policy-size-meter';

export interface PolicyEditorProps {
  policy: Fido2Policy;
  groups: Group[];
  onSaved: (policy: Fido2Policy) => void;
  /** Called on every edit (the screen hides an earlier "Policy saved."). */
  onEdit?: () => void;
}

/**
 * "Enable and target" and "Configure", as in the Entra admin centre. "Review changes" sends
 * the PATCH body to the preview endpoint and shows whom it would stop; "Save policy" PATCHes it.
 */
export function PolicyEditor({ policy, groups, onSaved, onEdit }: PolicyEditorProps) {
  const [form, setFormState] = useState<PolicyFormState>(() => formFromPolicy(policy));
  const [nothingChanged, setNothingChanged] = useState(false);
  const [reviewed, setReviewed] = useState<Fido2PolicyPatchInput | null>(null);
  const preview = usePreviewPolicy();
  const update = useUpdatePolicy();
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  const ids = useId();

  useEffect(() => {
    if (preview.isSuccess) reviewHeading.current?.focus();
  }, [preview.isSuccess]);

  /** Any edit makes an earlier review stale. */
  function setForm(change: (form: PolicyFormState) => PolicyFormState) {
    setFormState(change);
    onEdit?.();
    setNothingChanged(false);
    setReviewed(null);
    preview.reset();
    update.reset();
  }

  function onReview(event: FormEvent) {
    event.preventDefault();
    update.reset();
    const patch = patchFromForm(policy, form);
    if (Object.keys(patch).length === 0) {
      setNothingChanged(true);
      setReviewed(null);
      preview.reset();
      return;
    }
    setNothingChanged(false);
    setReviewed(patch);
    preview.mutate(patch);
  }

  function onSave() {
    if (!reviewed) return;
    update.mutate(reviewed, { onSuccess: onSaved });
  }

  const groupName = (id: string) => groups.find((group) => group.id === id)?.displayName ?? id;
  // Each setting that changed, in words (the form matches what was reviewed while the review shows).
  const changes = preview.isSuccess ? describePolicyChanges(policy, policyFromForm(policy, form), groupName) : [];
  const includedIds = new Set(form.groupTargets.map((target) => target.id));
  const excludedIds = new Set(form.excludeGroupIds);
  const msState = microsoftAuthenticatorState(form.aaGuids);

  return (
    <form className="stack policy-form" onSubmit={onReview} noValidate aria-label="Passkey policy">
      <section className="card stack-sm" aria-labelledby={`${ids}-enable`}>
        <h2 id={`${ids}-enable`}>Enable and target</h2>
        <CheckboxField
          label="Enable"
          hint="On: the people targeted below may register and sign in with passkeys. Off: nobody can, whatever else is set."
          checked={form.enabled}
          onChange={(enabled) => setForm((f) => ({ ...f, enabled }))}
        />

        <fieldset className="choice-group admin-fieldset">
          <legend>Include</legend>
          <label className="radio">
            <input
              type="radio"
              name={`${ids}-include`}
              checked={form.includeAllUsers}
              onChange={() => setForm((f) => ({ ...f, includeAllUsers: true }))}
            />
            All users
          </label>
          <label className="radio">
            <input
              type="radio"
              name={`${ids}-include`}
              checked={!form.includeAllUsers}
              onChange={() => setForm((f) => ({ ...f, includeAllUsers: false }))}
            />
            Select groups
          </label>
          <ul className="target-list" aria-label="Included">
            {form.includeAllUsers && (
              <li className="target-list__item">
                <span className="target-list__name">All users</span>
                <CheckboxField
                  label="Registration required"
                  labelSuffix=" for All users"
                  checked={form.allUsersTarget.isRegistrationRequired}
                  onChange={(required) => setForm((f) => ({ ...f, allUsersTarget: { ...f.allUsersTarget, isRegistrationRequired: required } }))}
                />
              </li>
            )}
            {form.groupTargets.map((target) => (
              <li key={target.id} className="target-list__item">
                <span className="target-list__name">{groupName(target.id)}</span>
                <CheckboxField
                  label="Registration required"
                  labelSuffix={` for ${groupName(target.id)}`}
                  checked={target.isRegistrationRequired}
                  onChange={(required) =>
                    setForm((f) => ({
                      ...f,
                      groupTargets: f.groupTargets.map((t) => (t.id === target.id ? { ...t, isRegistrationRequired: required } : t)),
                    }))
                  }
                />
                <Button
                  variant="danger-outline"
                  className="button--small"
                  aria-label={`Remove ${groupName(target.id)} from Include`}
                  onClick={() => setForm((f) => ({ ...f, groupTargets: f.groupTargets.filter((t) => t.id !== target.id) }))}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ul>
          {form.includeAllUsers && form.groupTargets.length > 0 && (
            <p className="field__hint">The groups listed with All users keep their own “Registration required” setting for their members.</p>
          )}
          {!form.includeAllUsers && (
            <GroupPicker
              label="Group to include"
              button="Include group"
              groups={groups.filter((group) => !includedIds.has(group.id))}
              onPick={(id) =>
                setForm((f) => ({
                  ...f,
                  groupTargets: [...f.groupTargets, { id, targetType: 'group', isRegistrationRequired: false, allowedPasskeyProfiles: [] }],
                }))
              }
            />
          )}
          {!form.includeAllUsers && form.groupTargets.length === 0 && (
            <Note tone="warning">No group is chosen: nobody would be able to use passkeys.</Note>
          )}
          <p className="field__hint">“Registration required”: people in this target who have no passkey are asked to create one after they sign in.</p>
        </fieldset>

        <fieldset className="choice-group admin-fieldset">
          <legend>Exclude</legend>
          <p className="field__hint">People in an excluded group cannot use passkeys, even when an included target names them: exclusion wins.</p>
          {form.excludeGroupIds.length === 0 ? (
            <p className="muted">No group is excluded.</p>
          ) : (
            <ul className="target-list" aria-label="Excluded">
              {form.excludeGroupIds.map((id) => (
                <li key={id} className="target-list__item">
                  <span className="target-list__name">{groupName(id)}</span>
                  <Button
                    variant="danger-outline"
                    className="button--small"
                    aria-label={`Remove ${groupName(id)} from Exclude`}
                    onClick={() => setForm((f) => ({ ...f, excludeGroupIds: f.excludeGroupIds.filter((g) => g !== id) }))}
                  >
                    Remove
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <GroupPicker
            label="Group to exclude"
            button="Exclude group"
            groups={groups.filter((group) => !excludedIds.has(group.id))}
            onPick={(id) => setForm((f) => ({ ...f, excludeGroupIds: [...f.excludeGroupIds, id] }))}
          />
        </fieldset>
      </section>

      <section className="card stack-sm" aria-labelledby={`${ids}-configure`}>
        <h2 id={`${ids}-configure`}>Configure</h2>
        <p className="field__hint">These settings belong to the default passkey profile (below); other profiles keep theirs.</p>
        <h3>General</h3>
        <CheckboxField
          label="Allow self-service set up"
          hint="Off: people can register a passkey only after signing in with a Temporary Access Pass from an admin."
          checked={form.selfService}
          onChange={(selfService) => setForm((f) => ({ ...f, selfService }))}
        />
        <CheckboxField
          label="Enforce attestation"
          hint="On: at registration the authenticator must prove its make and model with a verifiable attestation statement. Passkeys already registered are not checked again. Synced passkeys cannot, so a profile that enforces attestation must allow device-bound passkeys only."
          checked={form.enforceAttestation}
          onChange={(enforceAttestation) => setForm((f) => ({ ...f, enforceAttestation }))}
        />
        <fieldset className="choice-group admin-fieldset">
          <legend>Passkey types</legend>
          {passkeyTypeValues.map((types) => (
            <label key={types} className="radio">
              <input
                type="radio"
                name={`${ids}-types`}
                checked={form.passkeyTypes === types}
                onChange={() => setForm((f) => ({ ...f, passkeyTypes: types as PasskeyTypes }))}
              />
              {passkeyTypesWords(types)}
            </label>
          ))}
          <p className="field__hint">Turning synced passkeys off also stops sign-in with synced passkeys already registered.</p>
          {form.enforceAttestation && form.passkeyTypes.includes('synced') && (
            <p className="notice notice--warning" role="note">
              Attestation cannot be enforced while synced passkeys are allowed: synced passkeys (iCloud Keychain, Google Password Manager, 1Password…)
              never come with an attestation the lab could verify, so Microsoft Entra refuses the combination and so does this lab. Choose “Device-bound
              only” to enforce attestation, or turn attestation off.
            </p>
          )}
        </fieldset>

        <h3>Key restriction policy</h3>
        <CheckboxField
          label="Enforce key restrictions"
          hint="On: only the authenticator models (AAGUIDs) the list allows can register and sign in. It applies to passkeys already registered too."
          checked={form.enforceKeyRestrictions}
          onChange={(enforceKeyRestrictions) => setForm((f) => ({ ...f, enforceKeyRestrictions }))}
        />
        <fieldset className="choice-group admin-fieldset">
          <legend>Restrict specific keys</legend>
          <label className="radio">
            <input
              type="radio"
              name={`${ids}-enforcement`}
              checked={form.enforcementType === 'allow'}
              onChange={() => setForm((f) => ({ ...f, enforcementType: 'allow' }))}
            />
            Allow
          </label>
          <label className="radio">
            <input
              type="radio"
              name={`${ids}-enforcement`}
              checked={form.enforcementType === 'block'}
              onChange={() => setForm((f) => ({ ...f, enforcementType: 'block' }))}
            />
            Block
          </label>
          <p className="field__hint">
            {form.enforcementType === 'allow' ? 'Allow: only the AAGUIDs listed below.' : 'Block: every AAGUID except those listed below.'}
            {!form.enforceKeyRestrictions && ' Key restrictions are not enforced, so the list has no effect yet.'}
          </p>
        </fieldset>
        <CheckboxField
          label="Microsoft Authenticator"
          hint={
            <>
              Adds or removes both of its AAGUIDs: iOS <code>{MICROSOFT_AUTHENTICATOR_AAGUIDS.iOS}</code> and Android{' '}
              <code>{MICROSOFT_AUTHENTICATOR_AAGUIDS.Android}</code>.
            </>
          }
          checked={msState === 'checked'}
          mixed={msState === 'mixed'}
          onChange={(on) => setForm((f) => ({ ...f, aaGuids: setMicrosoftAuthenticator(f.aaGuids, on || msState === 'mixed') }))}
        />
        <AaguidListEditor
          aaguids={form.aaGuids}
          onChange={(aaGuids) => setForm((f) => ({ ...f, aaGuids }))}
          listLabel="AAGUIDs in the key restriction list"
          emptyText="The key restriction list is empty."
        />
        {form.enforceKeyRestrictions && form.enforcementType === 'allow' && form.aaGuids.length === 0 && (
          <Note tone="warning">An empty allow list allows no passkey at all: everyone in scope would be locked out.</Note>
        )}
        {form.enforceKeyRestrictions && !form.enforceAttestation && (
          <Note>
            Without attestation an AAGUID is only a claim: any authenticator can report any AAGUID, so key restrictions can be bypassed. See which
            AAGUIDs were attested in the <Link to={paths.adminAaguids.getHref()}>AAGUID inventory</Link>.
          </Note>
        )}
      </section>

      <PolicySizeMeter document={policyFromForm(policy, form)} />

      <div className="actions">
        <Button type="submit" busy={preview.isPending}>
          Review changes
        </Button>
        <Button variant="secondary" onClick={() => setForm(() => formFromPolicy(policy))}>
          Discard changes
        </Button>
      </div>
      <div aria-live="polite">{nothingChanged && <p className="muted">Nothing to save: the form matches the saved policy.</p>}</div>
      {preview.isError && <AdminErrorAlert error={preview.error} takeFocus />}

      {preview.isSuccess && (
        <section className="card review stack-sm" aria-labelledby={`${ids}-review`}>
          <h2 id={`${ids}-review`} ref={reviewHeading} tabIndex={-1}>
            Review the impact before saving
          </h2>
          {changes.length > 0 ? (
            <>
              <p>What changes (nothing is saved yet):</p>
              <ul className="tight-list">
                {changes.map((change) => (
                  <li key={change}>{change}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>
              This changes: {preview.data.changedFields.length > 0 ? preview.data.changedFields.map((field) => fieldWords[field] ?? field).join('; ') : 'nothing the server can see'}.
              Nothing is saved yet.
            </p>
          )}
          <PolicyImpact impact={preview.data.impact} />
          <div className="actions">
            <Button variant={preview.data.impact.usersLockedOut.length > 0 ? 'danger' : 'primary'} busy={update.isPending} onClick={onSave}>
              Save policy
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                preview.reset();
                setReviewed(null);
              }}
            >
              Keep editing
            </Button>
          </div>
          {update.isError && <AdminErrorAlert error={update.error} takeFocus />}
        </section>
      )}
    </form>
  );
}

function GroupPicker({ label, button, groups, onPick }: { label: string; button: string; groups: Group[]; onPick: (id: string) => void }) {
  const id = useId();
  const [chosen, setChosen] = useState('');
  const value = groups.some((group) => group.id === chosen) ? chosen : '';
  if (groups.length === 0) {
    return (
      <p className="muted">
        No other group to choose. Create groups under <Link to={paths.admin.getHref()}>Users and groups</Link>.
      </p>
    );
  }
  return (
    <div className="inline-form">
      <div className="field">
        <label htmlFor={id} className="field__label">
          {label}
        </label>
        <select id={id} className="field__input" value={value} onChange={(event) => setChosen(event.target.value)}>
          <option value="">Choose a group</option>
          {groups.map((group) => (
            <option key={group.id} value={group.id}>
              {group.displayName}
            </option>
          ))}
        </select>
      </div>
      <Button
        variant="secondary"
        disabled={value === ''}
        onClick={() => {
          onPick(value);
          setChosen('');
        }}
      >
        {button}
      </Button>
    </div>
  );
}
