import { type FormEvent, useId, useState } from 'react';
import { presetIds, presets } from '../../../../testkit/core/presets';
import type { PresetId } from '../../../../testkit/core/types';
import { ErrorAlert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { describeError, type ErrorMessage } from '../../../lib/error-messages';
import { choosePracticeDevice } from '../practice-mode';
import { practiceStore } from '../practice-store';
import { useModalDialog } from './use-modal-dialog';

/**
 * "Choose a simulated device": one radio per preset, named for people, with one line on what it
 * is (device-bound or synced, attested or not), and "Use this device". The list scrolls inside
 * the dialog; the actions stay in view on a small phone.
 */
export function DeviceChooser({ current }: { current: PresetId | null }) {
  const dialog = useModalDialog();
  const id = useId();
  const [choice, setChoice] = useState<PresetId>(current ?? presetIds[0]!);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorMessage | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await choosePracticeDevice(choice);
    } catch (caught) {
      setError(describeError(caught));
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      className="dialog practice-dialog"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) practiceStore.closeChooser();
      }}
    >
      <form className="practice-dialog__form" onSubmit={(event) => void onSubmit(event)}>
        <div className="practice-dialog__head">
          <h2 id={`${id}-title`}>Choose a simulated device</h2>
          <p id={`${id}-text`}>
            This tab’s passkey requests then go to it. Simulated passkeys stay in this browser and are for practice, not real
            security.
          </p>
        </div>
        <div className="practice-dialog__body" role="radiogroup" aria-labelledby={`${id}-title`}>
          {presetIds.map((presetId) => {
            const preset = presets[presetId];
            return (
              <div key={presetId} className="radio-choice">
                <label className="radio">
                  <input
                    type="radio"
                    name="simulated-device"
                    value={presetId}
                    checked={choice === presetId}
                    onChange={() => setChoice(presetId)}
                    aria-describedby={`${id}-${presetId}`}
                    data-autofocus={presetId === (current ?? presetIds[0]) ? '' : undefined}
                  />
                  {preset.name}
                </label>
                <p id={`${id}-${presetId}`} className="radio-choice__text muted">
                  {preset.description}
                </p>
              </div>
            );
          })}
        </div>
        <div className="practice-dialog__actions">
          {error && <ErrorAlert message={error} />}
          <div className="actions">
            <Button type="submit" busy={busy}>
              Use this device
            </Button>
            <Button variant="secondary" onClick={() => practiceStore.closeChooser()} disabled={busy}>
              Cancel
            </Button>
          </div>
        </div>
      </form>
    </dialog>
  );
}
