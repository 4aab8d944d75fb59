import { useEffect, useId, useRef, useState } from 'react';
import { ErrorAlert, Note, StatusMessage } from '../../../components/alert';
import { Button } from '../../../components/button';
import { describeError, type ErrorMessage, isCeremonyAborted } from '../../../lib/error-messages';
import { formatDateTime } from '../../../lib/format-date';
import { PrfUnsupportedError, type UnlockedNoteKey, useUnlockWithPasskey } from '../api/unlock-with-passkey';
import { decryptNote, encryptNote, parseStoredNote, PRF_NOTE_STORAGE_KEY, type StoredNote } from '../prf';

const prfUnsupported: ErrorMessage = {
  title: 'This passkey or browser does not support PRF, so it cannot make an encryption key.',
  action:
    'Try a passkey created in a current Chrome, Edge or Safari, or a password manager or security key that supports PRF (hmac-secret).',
};

const wrongKey: ErrorMessage = {
  title: 'This note could not be decrypted with the key from this passkey.',
  action: 'It was encrypted with another passkey. Unlock with that one, or encrypt a new note.',
};

function readStoredNote(): StoredNote | null {
  try {
    return parseStoredNote(localStorage.getItem(PRF_NOTE_STORAGE_KEY));
  } catch {
    return null;
  }
}

function storeNote(note: StoredNote) {
  try {
    localStorage.setItem(PRF_NOTE_STORAGE_KEY, JSON.stringify(note));
  } catch {
    // Storage blocked: the ciphertext is still shown on the page.
  }
}

/** Unlock with a passkey (PRF), then encrypt and decrypt a note entirely in this browser. */
export function PrfNote() {
  const unlock = useUnlockWithPasskey();
  const [unlocked, setUnlocked] = useState<UnlockedNoteKey | null>(null);
  const [note, setNote] = useState('');
  const [stored, setStored] = useState<StoredNote | null>(readStoredNote);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<ErrorMessage | null>(null);
  const [busy, setBusy] = useState<'encrypt' | 'decrypt' | null>(null);
  const abort = useRef<AbortController | null>(null);
  const noteInput = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  useEffect(() => () => abort.current?.abort(), []);

  function onUnlock() {
    setProblem(null);
    setStatus(null);
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    unlock.mutate(controller.signal, {
      onSuccess: (result) => {
        setUnlocked(result);
        setStatus('Unlocked. Your passkey gave this browser an encryption key; write a note and encrypt it.');
        requestAnimationFrame(() => noteInput.current?.focus());
      },
      onError: (error) => {
        if (controller.signal.aborted && isCeremonyAborted(error)) return;
        setProblem(error instanceof PrfUnsupportedError ? prfUnsupported : describeError(error));
      },
    });
  }

  async function onEncrypt() {
    if (!unlocked) return;
    setProblem(null);
    setStatus(null);
    setBusy('encrypt');
    try {
      const ciphertext = await encryptNote(unlocked.key, note);
      const saved: StoredNote = { ciphertext, credentialId: unlocked.credentialId, encryptedAt: new Date().toISOString() };
      storeNote(saved);
      setStored(saved);
      setStatus('Encrypted. The ciphertext below is kept in this browser; only this passkey can decrypt it.');
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setBusy(null);
    }
  }

  async function onDecrypt() {
    if (!unlocked) return;
    setProblem(null);
    setStatus(null);
    const current = readStoredNote() ?? stored;
    if (!current) {
      setProblem({ title: 'There is no encrypted note in this browser yet.', action: 'Write a note and press “Encrypt” first.' });
      return;
    }
    setBusy('decrypt');
    try {
      setNote(await decryptNote(unlocked.key, current.ciphertext));
      setStatus(`Decrypted the note encrypted on ${formatDateTime(current.encryptedAt)}.`);
    } catch {
      setProblem(wrongKey);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card stack" aria-labelledby="prf-try-heading">
      <h2 id="prf-try-heading">Try it</h2>
      {!unlocked && stored && (
        <Note>
          <p>
            An encrypted note from {formatDateTime(stored.encryptedAt)} is saved in this browser. Unlock with the same passkey
            and press “Decrypt” to read it.
          </p>
        </Note>
      )}
      {problem && <ErrorAlert message={problem} />}
      {status && <StatusMessage>{status}</StatusMessage>}
      <div className="actions">
        <Button variant={unlocked ? 'secondary' : 'primary'} busy={unlock.isPending} onClick={onUnlock}>
          Unlock with passkey
        </Button>
        {unlock.isPending && <p className="muted">Choose a passkey and unlock it when your browser asks…</p>}
      </div>
      {unlocked && (
        <div className="stack-sm">
          <div className="field">
            <label htmlFor={`${id}-note`} className="field__label">
              Note
            </label>
            <p id={`${id}-note-hint`} className="field__hint">
              Stays in this browser. Only its encrypted form is saved.
            </p>
            <textarea
              ref={noteInput}
              id={`${id}-note`}
              className="field__input"
              rows={4}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              aria-describedby={`${id}-note-hint`}
            />
          </div>
          <div className="actions">
            <Button busy={busy === 'encrypt'} onClick={() => void onEncrypt()}>
              Encrypt
            </Button>
            <Button variant="secondary" busy={busy === 'decrypt'} onClick={() => void onDecrypt()}>
              Decrypt
            </Button>
          </div>
        </div>
      )}
      {stored && (
        <div className="stack-sm">
          <p id={`${id}-cipher`} className="decoded__label">
            Encrypted note (base64: 12-byte IV, then AES-GCM ciphertext)
          </p>
          {/* A focusable box that may scroll: a named region (a bare <pre> cannot carry a name). */}
          <pre className="code-block code-block--wrap" role="region" aria-labelledby={`${id}-cipher`} tabIndex={0}>
            {stored.ciphertext}
          </pre>
        </div>
      )}
    </section>
  );
}
