import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../../components/button';
import { Field } from '../../../components/field';
import { formatDateTime } from '../../../lib/format-date';
import { validateUsername } from '../../../lib/validate-username';
import { TAP_LIMITS } from '../../../shared/policy';
import type { IssuedTap, TapSummary } from '../../../shared/tenant';
import { useTaps } from '../api/get-taps';
import { useIssueTap } from '../api/issue-tap';
import { AdminErrorAlert } from './admin-error-alert';
import { AdminQuery } from './admin-page';
import { CheckboxField } from './checkbox-field';
import { CopyButton } from './copy-button';

const { length: LENGTH, lifetimeInMinutes: LIFETIME } = TAP_LIMITS;

interface TapFormErrors {
  username?: string;
  lifetime?: string;
  length?: string;
}

function wholeNumberIn(text: string, min: number, max: number, unit: string): string | undefined {
  if (!/^\d+$/.test(text.trim())) return `Enter a whole number of ${unit}.`;
  const value = Number(text);
  if (value < min || value > max) return `Use ${min.toLocaleString('en')} to ${max.toLocaleString('en')} ${unit}.`;
  return undefined;
}

/** Minutes as words: "60 minutes (1 hour)", "43,200 minutes (30 days)". */
function lifetimeWords(minutes: number): string {
  const base = `${minutes.toLocaleString('en')} minute${minutes === 1 ? '' : 's'}`;
  if (minutes % 1440 === 0) return `${base} (${minutes / 1440} day${minutes === 1440 ? '' : 's'})`;
  if (minutes % 60 === 0) return `${base} (${minutes / 60} hour${minutes === 60 ? '' : 's'})`;
  return base;
}

/** /admin/temporary-access-pass: issue a pass (its code shown once), and every pass's status. */
export function TapScreen() {
  const [issued, setIssued] = useState<IssuedTap | null>(null);
  const taps = useTaps();
  return (
    <>
      {issued ? <IssuedPass tap={issued} onDone={() => setIssued(null)} /> : <IssueTapForm onIssued={setIssued} />}
      <section className="stack-sm" aria-labelledby="passes-heading">
        <h2 id="passes-heading">Passes issued</h2>
        <p className="field__hint">Codes are never shown again: the lab keeps only a salted hash of each.</p>
        <AdminQuery query={taps} what="passes">
          {(data) => <TapTable passes={data.passes} />}
        </AdminQuery>
      </section>
    </>
  );
}

function IssueTapForm({ onIssued }: { onIssued: (tap: IssuedTap) => void }) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [lifetime, setLifetime] = useState(String(LIFETIME.default));
  const [length, setLength] = useState(String(LENGTH.default));
  const [isUsableOnce, setIsUsableOnce] = useState(false);
  const [errors, setErrors] = useState<TapFormErrors>({});
  const issue = useIssueTap();
  const usernameInput = useRef<HTMLInputElement>(null);
  const lifetimeInput = useRef<HTMLInputElement>(null);
  const lengthInput = useRef<HTMLInputElement>(null);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const next: TapFormErrors = {
      username: validateUsername(username),
      lifetime: wholeNumberIn(lifetime, LIFETIME.min, LIFETIME.max, 'minutes'),
      length: wholeNumberIn(length, LENGTH.min, LENGTH.max, 'characters'),
    };
    setErrors(next);
    issue.reset();
    // The first invalid field takes focus; its message is tied to it (aria-describedby).
    const firstInvalid = next.username ? usernameInput : next.lifetime ? lifetimeInput : next.length ? lengthInput : null;
    if (firstInvalid) {
      firstInvalid.current?.focus();
      return;
    }
    issue.mutate(
      {
        username: username.trim(),
        ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
        lifetimeInMinutes: Number(lifetime),
        length: Number(length),
        isUsableOnce,
      },
      { onSuccess: onIssued },
    );
  }

  return (
    <form className="card stack-sm" onSubmit={onSubmit} noValidate aria-labelledby="issue-heading">
      <h2 id="issue-heading">Issue a pass</h2>
      <Field
        ref={usernameInput}
        label="Username"
        hint="A new username creates the account, so that person can register a first passkey."
        value={username}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        error={errors.username}
        onChange={(event) => setUsername(event.target.value)}
      />
      <Field
        label="Display name (optional)"
        hint="Used only when the account is created now."
        value={displayName}
        maxLength={64}
        autoComplete="off"
        onChange={(event) => setDisplayName(event.target.value)}
      />
      <Field
        ref={lifetimeInput}
        label="Lifetime in minutes"
        className="field--short"
        hint={`${LIFETIME.min} to ${LIFETIME.max.toLocaleString('en')} (30 days). Default ${LIFETIME.default}.`}
        type="number"
        inputMode="numeric"
        min={LIFETIME.min}
        max={LIFETIME.max}
        value={lifetime}
        error={errors.lifetime}
        onChange={(event) => setLifetime(event.target.value)}
      />
      <CheckboxField
        label="One-time use"
        hint="On: the pass works for one sign-in. Off: it works until it expires."
        checked={isUsableOnce}
        onChange={setIsUsableOnce}
      />
      <Field
        ref={lengthInput}
        label="Length in characters"
        className="field--short"
        hint={`${LENGTH.min} to ${LENGTH.max}. Default ${LENGTH.default}.`}
        type="number"
        inputMode="numeric"
        min={LENGTH.min}
        max={LENGTH.max}
        value={length}
        error={errors.length}
        onChange={(event) => setLength(event.target.value)}
      />
      <div className="actions">
        <Button type="submit" busy={issue.isPending}>
          Issue pass
        </Button>
      </div>
      {issue.isError && <AdminErrorAlert error={issue.error} takeFocus />}
      <p className="field__hint">A new pass replaces the person’s earlier one.</p>
    </form>
  );
}

/** The code, once: large, copyable, with when it expires and what to do with it. */
function IssuedPass({ tap, onDone }: { tap: IssuedTap; onDone: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const codeId = useId();
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section className="card card--success stack-sm issued-pass" aria-labelledby={`${codeId}-heading`}>
      <h2 id={`${codeId}-heading`} ref={headingRef} tabIndex={-1}>
        Temporary Access Pass for {tap.user.username}
      </h2>
      {tap.userCreated && <p>The account {tap.user.username} did not exist and was created.</p>}
      <p className="issued-pass__label">Code</p>
      <p className="issued-pass__code">
        <code>{tap.temporaryAccessPass}</code>
      </p>
      <CopyButton text={tap.temporaryAccessPass} label="Copy code" copiedText="Code copied." />
      <dl className="facts">
        <div>
          <dt>Valid until</dt>
          <dd>
            {formatDateTime(tap.expiresDateTime)} ({lifetimeWords(tap.lifetimeInMinutes)})
          </dd>
        </div>
        <div>
          <dt>Use</dt>
          <dd>{tap.isUsableOnce ? 'One sign-in only' : 'Any number of sign-ins until it expires'}</dd>
        </div>
      </dl>
      <div className="notice notice--warning">
        <p className="notice__title">Give it to the person now; it will not be shown again.</p>
        <p>
          Hand it over in person or through a channel you trust. {tap.user.username} signs in with it under “Sign in” and then creates a passkey.
        </p>
      </div>
      <div className="actions">
        <Button variant="secondary" onClick={onDone}>
          Done: issue another
        </Button>
      </div>
    </section>
  );
}

const statusWords: Record<TapSummary['status'], string> = {
  active: 'Active',
  used: 'Used',
  expired: 'Expired',
  replaced: 'Replaced by a newer pass',
};

function TapTable({ passes }: { passes: TapSummary[] }) {
  if (passes.length === 0) return <p className="empty-state">No pass issued yet.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table admin-table">
        <caption className="visually-hidden">Temporary Access Passes</caption>
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Status</th>
            <th scope="col">Issued</th>
            <th scope="col">Expires</th>
            <th scope="col">Use</th>
          </tr>
        </thead>
        <tbody>
          {passes.map((pass) => (
            <tr key={pass.id}>
              <th scope="row" data-label="User">
                {pass.user.username}
              </th>
              <td data-label="Status">
                <span className={`badge badge--tap-${pass.status}`}>{statusWords[pass.status]}</span>
              </td>
              <td data-label="Issued">{formatDateTime(pass.createdDateTime)}</td>
              <td data-label="Expires">{formatDateTime(pass.expiresDateTime)}</td>
              <td data-label="Use">{pass.isUsableOnce ? 'One-time' : 'Multi-use'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
