import { type FormEvent, type KeyboardEvent, useRef, useState } from 'react';
import { ErrorAlert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { Field } from '../../../components/field';
import { describeError } from '../../../lib/error-messages';
import type { Credential } from '../../../shared/schemas';
import { useRenameCredential } from '../api/rename-credential';

export interface RenamePasskeyFormProps {
  credential: Credential;
  onDone: (renamed: Credential | null) => void;
}

export function RenamePasskeyForm({ credential, onDone }: RenamePasskeyFormProps) {
  const rename = useRenameCredential();
  const [nickname, setNickname] = useState(credential.nickname);
  const [problem, setProblem] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);

  /** The field's problem, tied to it (aria-describedby) and announced as focus moves there. */
  function refuse(message: string) {
    setProblem(message);
    input.current?.focus();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    rename.reset();
    const value = nickname.trim();
    if (!value) return refuse('Enter a name.');
    if (value.length > 64) return refuse('Use at most 64 characters.');
    setProblem(undefined);
    if (value === credential.nickname) return onDone(null);
    rename.mutate({ id: credential.id, nickname: value }, { onSuccess: (renamed) => onDone(renamed) });
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onDone(null);
    }
  }

  return (
    <form className="rename-form stack-sm" onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate>
      <Field
        ref={input}
        label="Passkey name"
        name="nickname"
        autoFocus
        maxLength={64}
        value={nickname}
        onChange={(event) => setNickname(event.target.value)}
        error={problem}
      />
      {rename.isError && <ErrorAlert message={describeError(rename.error)} takeFocus />}
      <div className="actions">
        <Button type="submit" busy={rename.isPending}>
          Save name
        </Button>
        <Button variant="secondary" onClick={() => onDone(null)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
