import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ErrorAlert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { Field } from '../../../components/field';
import { describeError } from '../../../lib/error-messages';
import { validateUsername } from '../../../lib/validate-username';
import { type TapSignedIn, useSignInWithTemporaryAccessPass } from '../api/sign-in-with-temporary-access-pass';

export interface TemporaryAccessPassFormProps {
  onSignedIn: (result: TapSignedIn) => void | Promise<void>;
  /** "Back to passkey sign-in". */
  onCancel: () => void;
}

/**
 * Sign in with a Temporary Access Pass an admin issued (docs/api.md, "Temporary Access Pass"):
 * username and pass, no WebAuthn ceremony. It is shown instead of the passkey forms, so its
 * "Username" field is the only one on the page and the passkey autofill request is not running.
 */
export function TemporaryAccessPassForm({ onSignedIn, onCancel }: TemporaryAccessPassFormProps) {
  const [username, setUsername] = useState('');
  const [code, setCode] = useState('');
  const [usernameError, setUsernameError] = useState<string | undefined>();
  const [codeError, setCodeError] = useState<string | undefined>();
  const signIn = useSignInWithTemporaryAccessPass();
  const usernameInput = useRef<HTMLInputElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    usernameInput.current?.focus();
  }, []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    signIn.reset();
    const nameProblem = validateUsername(username);
    const pass = code.trim();
    const codeProblem = pass ? undefined : 'Enter the Temporary Access Pass your admin gave you.';
    setUsernameError(nameProblem);
    setCodeError(codeProblem);
    if (nameProblem) {
      usernameInput.current?.focus();
      return;
    }
    if (codeProblem) {
      codeInput.current?.focus();
      return;
    }
    signIn.mutate({ username: username.trim(), code: pass }, { onSuccess: (result) => onSignedIn(result) });
  }

  return (
    <form className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="tap-heading">
      <h2 id="tap-heading">With a Temporary Access Pass</h2>
      <p>
        Your admin gives you a Temporary Access Pass when you have no passkey yet, or lost yours. It lets you in for a
        short while so that you can create a passkey; after that you sign in with the passkey.
      </p>
      <Field
        ref={usernameInput}
        label="Username"
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={username}
        onChange={(event) => setUsername(event.target.value)}
        error={usernameError}
      />
      <Field
        ref={codeInput}
        label="Temporary Access Pass"
        name="temporary-access-pass"
        className="field--pass"
        autoComplete="one-time-code"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        maxLength={64}
        value={code}
        onChange={(event) => setCode(event.target.value)}
        hint="Type it exactly as your admin gave it to you: capital and small letters count."
        error={codeError}
      />
      <div className="actions">
        <Button type="submit" busy={signIn.isPending}>
          Sign in with the pass
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={signIn.isPending}>
          Back to passkey sign-in
        </Button>
      </div>
      {signIn.isError && <ErrorAlert message={describeError(signIn.error, 'temporary-access-pass')} takeFocus />}
    </form>
  );
}
