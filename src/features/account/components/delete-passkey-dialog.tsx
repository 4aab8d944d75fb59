import { useEffect, useId, useRef } from 'react';
import { ErrorAlert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { branding } from '../../../lib/branding';
import { describeError } from '../../../lib/error-messages';
import type { Credential } from '../../../shared/schemas';
import { useDeleteCredential } from '../api/delete-credential';

export interface DeletePasskeyDialogProps {
  credential: Credential;
  /** Deleting the only passkey locks the person out of the account: say so. */
  isLast: boolean;
  onClose: (deleted: boolean) => void;
}

/** A modal confirmation (native <dialog>, role="alertdialog"); "Keep it" has the focus first. */
export function DeletePasskeyDialog({ credential, isLast, onClose }: DeletePasskeyDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const remove = useDeleteCredential();
  const id = useId();
  const keepButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    // showModal() runs the dialog focusing steps, which can pick another control than React's
    // autoFocus did (HTML, "The dialog element"): put focus on the safe choice explicitly.
    keepButton.current?.focus();
    return () => element?.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      className="dialog"
      onCancel={(event) => {
        event.preventDefault();
        if (!remove.isPending) onClose(false);
      }}
    >
      <h2 id={`${id}-title`}>Delete “{credential.nickname}”?</h2>
      <div id={`${id}-text`} className="stack-sm">
        <p>You will no longer be able to sign in to {branding().appName} with this passkey.</p>
        {isLast && (
          <p className="warning">
            <strong>This is your only passkey.</strong> After you delete it, this account can no longer be signed into.
            Add another passkey first if you want to keep using it.
          </p>
        )}
      </div>
      {remove.isError && <ErrorAlert message={describeError(remove.error)} takeFocus />}
      <div className="actions">
        <Button
          variant="danger"
          busy={remove.isPending}
          onClick={() => remove.mutate({ id: credential.id }, { onSuccess: () => onClose(true) })}
        >
          Delete passkey
        </Button>
        <Button ref={keepButton} variant="secondary" autoFocus onClick={() => onClose(false)} disabled={remove.isPending}>
          Keep it
        </Button>
      </div>
    </dialog>
  );
}
