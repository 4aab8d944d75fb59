import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { StatusMessage } from '../../../components/alert';
import { Button } from '../../../components/button';
import { paths } from '../../../lib/paths';
import type { ConditionalAccessRule } from '../../../shared/tenant';
import { useConditionalAccess } from '../api/get-conditional-access';
import { useUpdateConditionalAccess } from '../api/update-conditional-access';
import { AaguidListEditor } from './aaguid-list-editor';
import { AdminErrorAlert } from './admin-error-alert';
import { AdminQuery } from './admin-page';
import { CheckboxField } from './checkbox-field';

/** /admin/conditional-access: the one rule of the demo sensitive app. */
export function ConditionalAccessScreen() {
  const rule = useConditionalAccess();
  const [saved, setSaved] = useState(false);
  // Bumped on save: the form starts again from the saved rule (and not on a background refetch).
  const [version, setVersion] = useState(0);
  return (
    <AdminQuery query={rule} what="the rule">
      {(data) => (
        <>
          <RuleForm
            key={version}
            rule={data}
            onSaved={() => {
              setSaved(true);
              setVersion((v) => v + 1);
            }}
            onEdit={() => setSaved(false)}
          />
          {saved && <StatusMessage>Rule saved. It applies the next time someone opens the sensitive app.</StatusMessage>}
        </>
      )}
    </AdminQuery>
  );
}

function RuleForm({ rule, onSaved, onEdit }: { rule: ConditionalAccessRule; onSaved: () => void; onEdit: () => void }) {
  const ids = useId();
  const [form, setForm] = useState<ConditionalAccessRule>(() => structuredClone(rule));
  const update = useUpdateConditionalAccess();

  function change(next: Partial<ConditionalAccessRule>) {
    setForm((f) => ({ ...f, ...next }));
    onEdit();
    update.reset();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    update.mutate(form, { onSuccess: onSaved });
  }

  const enabled = form.state === 'enabled';
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-labelledby={`${ids}-rule`}>
      <section className="card stack-sm">
        <h2 id={`${ids}-rule`}>Sensitive app requires Phishing-resistant MFA</h2>
        <dl className="facts">
          <div>
            <dt>Users</dt>
            <dd>All users</dd>
          </div>
          <div>
            <dt>Target resource</dt>
            <dd>
              The demo <Link to={paths.sensitiveApp.getHref()}>sensitive app</Link>
            </dd>
          </div>
          <div>
            <dt>Grant</dt>
            <dd>{form.requirePhishingResistant ? 'Require authentication strength: Phishing-resistant MFA' : 'Any sign-in'}</dd>
          </div>
        </dl>
        <CheckboxField
          label="Enable rule"
          hint="Off: the sensitive app lets in anyone who is signed in, however they signed in."
          checked={enabled}
          onChange={(on) => change({ state: on ? 'enabled' : 'disabled' })}
        />
        <CheckboxField
          label="Require phishing-resistant MFA"
          hint="On: only a sign-in with a passkey that verified the person (PIN or biometric) gets in. Someone who signed in with a Temporary Access Pass is asked to sign in with a passkey first (step-up)."
          checked={form.requirePhishingResistant}
          onChange={(requirePhishingResistant) => change({ requirePhishingResistant })}
        />
      </section>
      <section className="card stack-sm" aria-labelledby={`${ids}-aaguids`}>
        <h2 id={`${ids}-aaguids`}>Allowed AAGUIDs (custom authentication strength)</h2>
        <p className="field__hint">
          Empty: any passkey will do. With AAGUIDs listed, only passkeys of those authenticator models satisfy the rule — as a custom authentication
          strength that pins FIDO2 keys does in Entra ID.
        </p>
        <AaguidListEditor
          aaguids={form.allowedAaguids}
          onChange={(allowedAaguids) => change({ allowedAaguids })}
          listLabel="Allowed AAGUIDs"
          emptyText="No AAGUID listed: any passkey satisfies the rule."
        />
      </section>
      {!enabled && <p className="muted">The rule is off: saving it this way lets everyone who is signed in into the sensitive app.</p>}
      <div className="actions">
        <Button type="submit" busy={update.isPending}>
          Save rule
        </Button>
      </div>
      {update.isError && <AdminErrorAlert error={update.error} takeFocus />}
    </form>
  );
}
