import '../handoff.css';
import { type FormEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { Field } from '../../../components/field';
import { describeError } from '../../../lib/error-messages';
import { paths } from '../../../lib/paths';
import { useHandoffByCode } from '../api/get-handoff-by-code';

/** A pasted hand-off link works too: its id is taken from the path. */
function idFromLink(value: string): string | null {
  const match = /\/handoff\/([A-Za-z0-9_-]{8,})\/?(?:wait)?\/?$/.exec(value.trim());
  return match?.[1] ?? null;
}

/** The phone without a camera: type the short code the computer shows, open the hand-off. */
export function HandoffCodeForm() {
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const find = useHandoffByCode();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = code.trim();
    find.reset();
    if (!value) {
      setProblem('Enter the code shown on the computer, for example ABCD-EFGH.');
      input.current?.focus();
      return;
    }
    setProblem(null);
    const id = idFromLink(value);
    if (id) {
      void navigate(paths.handoff.getHref(id));
      return;
    }
    find.mutate(value, { onSuccess: ({ handoff }) => navigate(paths.handoff.getHref(handoff.id)) });
  }

  return (
    <form className="card stack" onSubmit={onSubmit} noValidate>
      {problem && (
        <div role="alert" className="notice notice--error">
          <p>{problem}</p>
        </div>
      )}
      {find.isError && <ErrorAlert message={describeError(find.error)} />}
      <Field
        ref={input}
        label="Hand-off code"
        name="code"
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={200}
        value={code}
        onChange={(event) => setCode(event.target.value)}
        hint="8 letters and digits, shown under the QR code on the computer. Dashes and spaces do not matter."
        aria-invalid={problem || find.isError ? true : undefined}
        className="field--code"
      />
      <div className="actions actions--stacked">
        <Button type="submit" busy={find.isPending}>
          Open
        </Button>
      </div>
    </form>
  );
}
