import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../../components/button';
import { isApiError } from '../../../lib/api-client';
import { describeError } from '../../../lib/error-messages';
import { useInspectResponse } from '../api/inspect-response';
import { inspectKindWords } from '../decoded-parts';
import { DecodedView } from './decoded-view';

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

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = text.trim();
    if (!value) {
      setProblem('Paste a response, or one base64url part of it, first.');
      return;
    }
    setProblem(undefined);
    inspect.mutate({ input: toInput(value) });
  }

  // The relying party's message names the part that failed; it is meant to be read.
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
      {error &&
        (badInput ? (
          <div role="alert" className="notice notice--error">
            <p className="notice__title">This could not be decoded.</p>
            <p>{error.message}</p>
          </div>
        ) : (
          <div role="alert" className="notice notice--error">
            <p className="notice__title">{describeError(error).title}</p>
            <p>{describeError(error).action}</p>
          </div>
        ))}
      {inspect.isSuccess && (
        <div className="stack-sm decoder-result">
          <p id={`${id}-kind`} className="decoder-result__kind" role="status">
            Recognised as: {inspectKindWords[inspect.data.kind] ?? inspect.data.kind}
          </p>
          <DecodedView decoded={inspect.data.decoded} kind={inspect.data.kind} headingLevel={3} />
        </div>
      )}
    </section>
  );
}
