import { type FormEvent, type KeyboardEvent, useRef, useState } from 'react';
import { ErrorAlert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { Field } from '../../../components/field';
import { describeError } from '../../../lib/error-messages';
import type { User } from '../../../shared/schemas';
import { useUpdateAccount } from '../api/update-account';

export interface DisplayNameFormProps {
  user: User;
  onChanged: (user: User) => void;
}

/** "Change display name" → a field and "Save display name" (PATCH /api/account). */
export function DisplayNameForm({ user, onChanged }: DisplayNameFormProps) {
  const update = useUpdateAccount();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(user.displayName);
  const [problem, setProblem] = useState<string | undefined>();
  const changeButton = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);

  /** The field's problem, tied to it (aria-describedby) and announced as focus moves there. */
  function refuse(message: string) {
    setProblem(message);
    input.current?.focus();
  }

  function close() {
    setEditing(false);
    setProblem(undefined);
    update.reset();
    requestAnimationFrame(() => changeButton.current?.focus());
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.reset();
    const displayName = value.trim();
    if (!displayName) return refuse('Enter a display name.');
    if (displayName.length > 64) return refuse('Use at most 64 characters.');
    setProblem(undefined);
    if (displayName === user.displayName) return close();
    update.mutate(
      { displayName },
      {
        onSuccess: (updated) => {
          close();
          onChanged(updated);
        },
      },
    );
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  }

  if (!editing) {
    return (
      <div className="display-name">
        <p>
          Display name: <strong>{user.displayName || 'none'}</strong>
        </p>
        <Button
          ref={changeButton}
          variant="secondary"
          onClick={() => {
            setValue(user.displayName);
            setEditing(true);
          }}
        >
          Change display name
        </Button>
      </div>
    );
  }

  return (
    <form className="stack-sm" onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate>
      <Field
        ref={input}
        label="Display name"
        name="displayName"
        autoComplete="name"
        autoFocus
        maxLength={64}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        hint="The friendlier name your password manager may show next to your passkeys. Up to 64 characters."
        error={problem}
      />
      {update.isError && <ErrorAlert message={describeError(update.error)} takeFocus />}
      <div className="actions">
        <Button type="submit" busy={update.isPending}>
          Save display name
        </Button>
        <Button variant="secondary" onClick={close} disabled={update.isPending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
