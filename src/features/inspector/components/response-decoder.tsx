import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { ErrorAlert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { DecodedView } from '../../../components/decoded-view';
import { useTakeFocus } from '../../../components/use-take-focus';
import { isApiError } from '../../../lib/api-client';
import { inspectKindWords } from '../../../lib/decoded-parts';
import { describeError } from '../../../lib/error-messages';
import { useInspectResponse } from '../api/inspect-response';

/** Where the paste is sent as an object (JSON) or as text (a bare base64url part). */
function toInput(text: string): Record<string, unknown> | string {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Not JSON: the relying party decides what the text is (and says what failed).
  }
  return text;
}

/**
 * Paste a RegistrationResponseJSON or AuthenticationResponseJSON (or one base64url part) and
 * see it decoded by the relying party (POST /api/inspect). It verifies the attestation
 * statement where it can without the original challenge.
 */
export function ResponseDecoder() {
  const inspect = useInspectResponse();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = text.trim();
    if (!value) {
      inspect.reset();
      setProblem('Paste a response, or one base64url part of it, first.');
      box.current?.focus();
      return;
    }
    setProblem(undefined);
    inspect.mutate({ input: toInput(value) });
  }

  const error = inspect.isError ? inspect.error : null;
  const badInput = isApiError(error) && error.code === 'invalid_request';

  return (
    <section className="card stack" aria-labelledby="decode-heading">
      <h2 id="decode-heading">Decode a response</h2>
      <p>
        Paste a <code>RegistrationResponseJSON</code> or <code>AuthenticationResponseJSON</code> (for example from your
        browser’s developer tools), or one bare base64url part of it: <code>clientDataJSON</code>,{' '}
        <code>attestationObject</code> or <code>authenticatorData</code>. The server decodes it and checks the attestation
        statement where it can without the original challenge. Nothing is stored.
      </p>
      <form className="stack-sm" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-input`} className="field__label">
            Response to decode
          </label>
          <textarea
            ref={box}
            id={`${id}-input`}
            className="field__input field__input--code"
            rows={8}
            spellCheck={false}
            autoCapitalize="none"
            autoComplete="off"
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
          />
          {problem && (
            <p id={`${id}-problem`} className="field__error">
              {problem}
            </p>
          )}
        </div>
        <div className="actions">
          <Button type="submit" busy={inspect.isPending}>
            Decode
          </Button>
        </div>
      </form>
      {error && (
        <ErrorAlert
          takeFocus
          // The relying party's message names the part that failed; it is meant to be read.
          message={badInput ? { title: 'This could not be decoded.', action: error.message } : describeError(error)}
        />
      )}
      {inspect.isSuccess && (
        <div className="stack-sm decoder-result">
          <DecoderKind id={`${id}-kind`}>Recognised as: {inspectKindWords[inspect.data.kind]}</DecoderKind>
          <DecodedView inspected={inspect.data} headingLevel={3} />
        </div>
      )}
    </section>
  );
}

/** "Recognised as: …", the decoder's outcome: announced, and focused so that the result below it is next. */
function DecoderKind({ id, children }: { id: string; children: ReactNode }) {
  const ref = useTakeFocus<HTMLParagraphElement>();
  return (
    <p ref={ref} id={id} tabIndex={-1} className="decoder-result__kind" role="status">
      {children}
    </p>
  );
}
