import { type ComponentType, type FormEvent, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert, Note } from '../../../components/alert';
import { Button } from '../../../components/button';
import { CeremonyReportPanel } from '../../../components/ceremony-report-panel';
import { Field } from '../../../components/field';
import { type HintChoice, HintChoiceGroup, hintLabel } from '../../../components/hint-choice-group';
import { PhoneBeforeNote } from '../../../components/phone-passkey-notes';
import { WithPresenterNotes } from '../../../components/presenter-panel';
import { Stepper } from '../../../components/stepper';
import { ApiError } from '../../../lib/api-client';
import { branding } from '../../../lib/branding';
import { outcomeOfError, reportOfError } from '../../../lib/ceremony-report';
import { describeError } from '../../../lib/error-messages';
import { paths } from '../../../lib/paths';
import { validateUsername } from '../../../lib/validate-username';
import type { CreateHandoffRequest } from '../../../shared/schemas';
import { useCreatePasskey } from '../api/create-passkey';
import { RegistrationResult } from './registration-result';

const steps = ['Choose a username', 'Create the passkey', 'Done'] as const;

/** What registration gives the "create it on my phone" button. */
export interface PhoneHandoffProps {
  /** The hand-off to create, or null when the form is not ready (the form shows why). */
  getRequest: () => CreateHandoffRequest | null;
  /** Called when the person starts (to clear earlier messages). */
  onStart?: () => void;
}

export interface RegisterFlowProps {
  /** When someone is already signed in, the passkey is added to their account. */
  signedInAs?: string | undefined;
  /**
   * The hand-off feature's "Use my phone" button, passed in by the route: features do not import
   * each other.
   */
  PhoneHandoff: ComponentType<PhoneHandoffProps>;
}

export function RegisterFlow({ signedInAs, PhoneHandoff }: RegisterFlowProps) {
  const createPasskey = useCreatePasskey();
  const [username, setUsername] = useState(signedInAs ?? '');
  const [displayName, setDisplayName] = useState('');
  const [hint, setHint] = useState<HintChoice>('');
  const [usernameError, setUsernameError] = useState<string | undefined>();
  const usernameInput = useRef<HTMLInputElement>(null);

  const taken = createPasskey.error instanceof ApiError && createPasskey.error.code === 'username_taken';
  // "Choose a username" is done once the name is one the relying party can take: well formed, and
  // not the one it just said is taken (it cannot know earlier without asking).
  const usernameChosen =
    Boolean(signedInAs) || (validateUsername(username) === undefined && !(taken && createPasskey.variables?.username === username.trim()));
  const current = createPasskey.isSuccess ? 2 : createPasskey.isPending || usernameChosen ? 1 : 0;

  /** Checks the username; on a problem, shows it and moves focus to the field. */
  function usernameIsValid(): boolean {
    const problem = signedInAs ? undefined : validateUsername(username);
    setUsernameError(problem);
    if (problem) usernameInput.current?.focus();
    return !problem;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!usernameIsValid()) return;
    createPasskey.mutate({
      username: signedInAs ?? username.trim(),
      displayName: displayName.trim() || undefined,
      hint: hint || undefined,
    });
  }

  const refusedReport = reportOfError(createPasskey.error);

  return (
    <WithPresenterNotes flow="registration" step={current}>
      <Stepper label="Registration steps" steps={steps} current={current} />
      {createPasskey.isSuccess ? (
        <RegistrationResult result={createPasskey.data} hint={createPasskey.variables.hint} />
      ) : (
        <form className="card stack" onSubmit={onSubmit} noValidate>
          {signedInAs && (
            <Note>
              <p>
                You are signed in as <strong>{signedInAs}</strong>, so the new passkey is added to that account. To make a
                new account, sign out first on <Link to={paths.account.getHref()}>your account page</Link>.
              </p>
            </Note>
          )}
          <Field
            ref={usernameInput}
            label="Username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            maxLength={64}
            readOnly={Boolean(signedInAs)}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            hint="Letters, digits and . _ @ + - (no spaces). It names your account here."
            error={usernameError}
          />
          <Field
            label="Display name"
            name="displayName"
            autoComplete="name"
            maxLength={64}
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
            hint="Optional. Your password manager may show it next to the passkey."
          />
          <details className="disclosure disclosure--inline">
            <summary>
              Where should the passkey live?
              {hint && <span className="disclosure__value"> ({hintLabel(hint)})</span>}
            </summary>
            <div className="stack">
              <HintChoiceGroup
                legend="Where should the passkey live?"
                legendHidden
                purpose="create"
                value={hint}
                onChange={setHint}
                disabled={createPasskey.isPending}
              />
              {hint === 'hybrid' && <PhoneBeforeNote purpose="create" />}
            </div>
          </details>
          <div className="actions">
            <Button type="submit" busy={createPasskey.isPending}>
              Create a passkey
            </Button>
            {createPasskey.isPending && <p className="muted">Follow the prompts from your browser or device…</p>}
          </div>
          {createPasskey.isError && (
            <div className="stack-sm">
              <ErrorAlert message={describeError(createPasskey.error)} takeFocus />
              {refusedReport && <CeremonyReportPanel report={refusedReport} outcome={outcomeOfError(createPasskey.error)} />}
              {taken && (
                <p>
                  <Link to={paths.signIn.getHref()}>Sign in as {username.trim()}</Link>
                </p>
              )}
            </div>
          )}
          <section aria-labelledby="what-happens" className="explain">
            <h2 id="what-happens">What will happen</h2>
            <ol>
              <li>Your browser asks your device (or security key, or phone) to make a new key pair for this site.</li>
              <li>It asks you to unlock it: fingerprint, face, PIN or a touch.</li>
              <li>The private key never leaves the device. {branding().appName} receives and keeps only the public key.</li>
            </ol>
          </section>
          {!signedInAs && (
            <section className="stack-sm use-phone" aria-labelledby="use-phone-heading">
              <h2 id="use-phone-heading">Or make it on your phone, by QR code</h2>
              <p>
                This browser cannot reach your phone? Show a QR code here, scan it with the phone and create the passkey
                there. This computer is then signed in to the new account too.
              </p>
              <PhoneHandoff
                onStart={() => createPasskey.reset()}
                getRequest={() =>
                  usernameIsValid()
                    ? { purpose: 'registration', username: username.trim(), ...(displayName.trim() ? { displayName: displayName.trim() } : {}) }
                    : null
                }
              />
            </section>
          )}
        </form>
      )}
    </WithPresenterNotes>
  );
}
