import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react';
import { Button } from '../../../components/button';
import { providerNameFor } from '../../../shared/aaguids';
import { MICROSOFT_AUTHENTICATOR_AAGUIDS } from '../../../shared/policy';
import { addAaguids } from '../policy-form';

export interface AaguidListEditorProps {
  aaguids: string[];
  onChange: (aaguids: string[]) => void;
  /** The list's accessible name, e.g. "AAGUIDs in the key restriction list". */
  listLabel: string;
  /** Said when the list is empty. */
  emptyText: ReactNode;
}

const EXAMPLE = MICROSOFT_AUTHENTICATOR_AAGUIDS.iOS;

function quoted(entries: string[]): string {
  return entries.map((entry) => `“${entry}”`).join(', ');
}

/**
 * Add AAGUIDs by pasting or typing (spaces, commas, new lines between them), see each with the
 * provider it belongs to where the lab knows it, remove each. Entries that are not AAGUIDs are
 * named and stay in the box to be corrected.
 */
export function AaguidListEditor({ aaguids, onChange, listLabel, emptyText }: AaguidListEditorProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);

  function add() {
    const result = addAaguids(aaguids, text);
    if (result.added.length > 0) onChange(result.list);
    setInvalid(result.invalid);
    setText(result.invalid.join(' '));
    const parts: string[] = [];
    if (result.added.length > 0) parts.push(`Added ${result.added.length} AAGUID${result.added.length === 1 ? '' : 's'}.`);
    if (result.alreadyListed.length > 0) parts.push(`Already in the list: ${result.alreadyListed.join(', ')}.`);
    if (parts.length === 0 && result.invalid.length === 0) parts.push('Type or paste at least one AAGUID first.');
    setStatus(parts.join(' '));
    // Entries that are not AAGUIDs stay in the box: focus goes there, with the message tied to it.
    if (result.invalid.length > 0) box.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter adds (Shift+Enter for a new line), so it never submits the surrounding form.
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      add();
    }
  }

  function remove(aaguid: string) {
    onChange(aaguids.filter((item) => item !== aaguid));
    setStatus(`Removed ${aaguid}.`);
  }

  return (
    <div className="aaguid-editor">
      <div className="field">
        <label htmlFor={id} className="field__label">
          Add AAGUIDs
        </label>
        <p id={`${id}-hint`} className="field__hint">
          Paste or type one or more, separated by spaces, commas or new lines, then press Enter or “Add to list”. An AAGUID looks like{' '}
          <code>{EXAMPLE}</code>.
        </p>
        <textarea
          ref={box}
          id={id}
          rows={2}
          className="field__input field__input--code"
          value={text}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          aria-invalid={invalid.length > 0 ? true : undefined}
          aria-describedby={[`${id}-hint`, invalid.length > 0 ? `${id}-error` : ''].filter(Boolean).join(' ')}
          onChange={(event) => {
            setText(event.target.value);
            if (invalid.length > 0) setInvalid([]);
          }}
          onKeyDown={onKeyDown}
        />
        {invalid.length > 0 && (
          <p id={`${id}-error`} className="field__error">
            {invalid.length === 1 ? `${quoted(invalid)} is not an AAGUID.` : `These are not AAGUIDs: ${quoted(invalid)}.`} Correct{' '}
            {invalid.length === 1 ? 'it' : 'them'} (8-4-4-4-12 hexadecimal digits) or delete {invalid.length === 1 ? 'it' : 'them'}.
          </p>
        )}
      </div>
      <div className="actions">
        <Button variant="secondary" onClick={add}>
          Add to list
        </Button>
      </div>
      <p role="status" className="muted">
        {status}
      </p>
      {aaguids.length === 0 ? (
        <p className="empty-state">{emptyText}</p>
      ) : (
        <ul aria-label={listLabel} className="aaguid-list">
          {aaguids.map((aaguid) => {
            const name = providerNameFor(aaguid);
            return (
              <li key={aaguid} className="aaguid-list__item">
                <span className="aaguid-list__text">
                  <span className={name ? 'aaguid-list__name' : 'aaguid-list__name aaguid-list__name--unknown'}>{name ?? 'Provider not known to the lab'}</span>
                  <code className="aaguid">{aaguid}</code>
                </span>
                <Button variant="danger-outline" className="button--small" aria-label={`Remove ${aaguid}`} onClick={() => remove(aaguid)}>
                  Remove
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
