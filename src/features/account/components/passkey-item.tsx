import { useRef, useState } from 'react';
import { Button } from '../../../components/button';
import { PasskeyFacts } from '../../../components/passkey-facts';
import type { Credential } from '../../../shared/schemas';
import { unattestedProviderNote } from '../unattested-provider-note';
import { DeletePasskeyDialog } from './delete-passkey-dialog';
import { RenamePasskeyForm } from './rename-passkey-form';

export interface PasskeyItemProps {
  credential: Credential;
  isLast: boolean;
  onRenamed: (credential: Credential) => void;
  onDeleted: (credential: Credential) => void;
}

export function PasskeyItem({ credential, isLast, onRenamed, onDeleted }: PasskeyItemProps) {
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const renameButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const headingId = `passkey-${credential.id}`;
  const claimNote = unattestedProviderNote(credential);

  return (
    <li className="passkey card">
      <h3 id={headingId} className="passkey__name">
        {credential.nickname}
      </h3>
      <PasskeyFacts credential={credential} withDates />
      {claimNote && <p className="passkey__claim muted">{claimNote}</p>}
      {mode === 'rename' ? (
        <RenamePasskeyForm
          credential={credential}
          onDone={(renamed) => {
            setMode('view');
            if (renamed) onRenamed(renamed);
            requestAnimationFrame(() => renameButton.current?.focus());
          }}
        />
      ) : (
        <div className="actions">
          <Button ref={renameButton} variant="secondary" aria-describedby={headingId} onClick={() => setMode('rename')}>
            Rename
          </Button>
          <Button ref={deleteButton} variant="danger-outline" aria-describedby={headingId} onClick={() => setMode('delete')}>
            Delete
          </Button>
        </div>
      )}
      {mode === 'delete' && (
        <DeletePasskeyDialog
          credential={credential}
          isLast={isLast}
          onClose={(deleted) => {
            setMode('view');
            if (deleted) onDeleted(credential);
            else requestAnimationFrame(() => deleteButton.current?.focus());
          }}
        />
      )}
    </li>
  );
}
