import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorAlert, Note } from '../../../components/alert';
import { Button } from '../../../components/button';
import { Field } from '../../../components/field';
import { Stepper } from '../../../components/stepper';
import { ApiError } from '../../../lib/api-client';
import { describeError } from '../../../lib/error-messages';
import { paths } from '../../../lib/paths';
import { validateUsername } from '../../../lib/validate-username';
import type { Hint } from '../../../shared/schemas';
import { useCreatePasskey } from '../api/create-passkey';
import { RegistrationResult } from './registration-result';

const steps = ['Choose a username', 'Create the passkey', 'Done'] as const;

const hintChoices: { value: Hint | ''; label: string }[] = [
  { value: '', label: 'Let my browser offer the choices' },
  { value: 'client-device', label: 'On this device' },
  { value: 'security-key', label: 'On a security key' },
  { value: 'hybrid', label: 'On a phone or tablet (QR code)' },
];

export interface RegisterFlowProps {
  /** When someone is already signed in, the passkey is added to their account. */
  signedInAs?: string | undefined;
}

export function RegisterFlow({ signedInAs }: RegisterFlowProps) {
  const createPasskey = useCreatePasskey();
  const [username, setUsername] = useState(signedInAs ?? '');
  const [displayName, setDisplayName] = useState('');
  const [hint, setHint] = useState<Hint | ''>('');
  const [usernameError, setUsernameError] = useState<string | undefined>();
  const usernameInput = useRef<HTMLInputElement>(null);

  const current = createPasskey.isSuccess ? 2 : createPasskey.isPending || username.trim() ? 1 : 0;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = signedInAs ? undefined : validateUsername(username);
    setUsernameError(problem);
    if (problem) {
      usernameInput.current?.focus();
      return;
    }
    createPasskey.mutate({
      username: signedInAs ?? username.trim(),
      displayName: displayName.trim() || undefined,
      hint: hint || undefined,
    });
  }

  const taken = createPasskey.error instanceof ApiError && createPasskey.error.code === 'username_taken';

  return (
    <>
      <Stepper label="Registration steps" steps={steps} current={current} />
      {createPasskey.isSuccess ? (
        <RegistrationResult result={createPasskey.data} />
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
            hint="Letters, digits and . _ @ + - (no spaces). Others see nothing of it; it names your account here."
            error={usernameError}
          />
          <Field
            label="Display name"
            name="displayName"
            autoComplete="name"
            maxLength={64}
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
            hint="Optional. A friendlier name your password manager may show next to the passkey."
          />
          <fieldset className="choice-group">
            <legend>Where should the passkey be kept?</legend>
            {hintChoices.map((choice) => (
              <label key={choice.value || 'any'} className="radio">
                <input
                  type="radio"
                  name="hint"
                  value={choice.value}
                  checked={hint === choice.value}
                  onChange={() => setHint(choice.value)}
                />
                {choice.label}
              </label>
            ))}
          </fieldset>
          <section aria-labelledby="what-happens" className="explain">
            <h2 id="what-happens">What will happen</h2>
            <ol>
              <li>Your browser asks your device (or security key, or phone) to make a new key pair for this site.</li>
              <li>It asks you to unlock it: fingerprint, face, PIN or a touch.</li>
              <li>The private key never leaves the device. Passkey Lab receives and keeps only the public key.</li>
            </ol>
          </section>
          {createPasskey.isError && (
            <div className="stack-sm">
              <ErrorAlert message={describeError(createPasskey.error)} />
              {taken && (
                <p>
                  <Link to={paths.signIn.getHref()}>Sign in as {username.trim()}</Link>
                </p>
              )}
            </div>
          )}
          <div className="actions">
            <Button type="submit" busy={createPasskey.isPending}>
              Create a passkey
            </Button>
            {createPasskey.isPending && <p className="muted">Follow the prompts from your browser or device…</p>}
          </div>
        </form>
      )}
    </>
  );
}
