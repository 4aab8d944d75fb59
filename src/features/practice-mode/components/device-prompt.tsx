import { useId, useState } from 'react';
import { createPortal } from 'react-dom';
import { presets } from '../../../../testkit/core/presets';
import type { PresetId } from '../../../../testkit/core/types';
import { Button } from '../../../components/button';
import type { PendingPrompt } from '../prompt-queue';
import { candidateLabel, promptWords } from '../prompt-words';
import { useModalDialog } from './use-modal-dialog';

/**
 * The simulated device's own prompt, where a real device would show its system dialog: named
 * after the device, saying what is asked in the device's words, with a list to choose from when
 * several passkeys fit, and "Approve" / "Cancel". Escape cancels, as it does in browsers.
 */
function DevicePromptDialog({ prompt, preset }: { prompt: PendingPrompt; preset: PresetId }) {
  const dialog = useModalDialog();
  const id = useId();
  const { request } = prompt;
  const words = promptWords(presets[preset], request);
  const [chosen, setChosen] = useState(request.candidates[0]?.id);
  const choose = request.ceremony === 'get' && request.candidates.length > 1;

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-name`}
      aria-describedby={`${id}-question`}
      className="dialog practice-dialog practice-prompt"
      onCancel={(event) => {
        event.preventDefault();
        prompt.answer({ action: 'cancel' });
      }}
    >
      <div className="practice-dialog__form">
        <div className="practice-dialog__head">
          <p className="practice-tag">Simulated device prompt</p>
          <h2 id={`${id}-name`}>{words.name}</h2>
        </div>
        <div className="practice-dialog__body stack-sm">
          {words.hybrid && (
            <div className="notice notice--warning practice-prompt__hybrid">
              <p>{words.hybrid}</p>
            </div>
          )}
          <p id={`${id}-question`} className="practice-prompt__question">
            {words.question}
          </p>
          <ul className="practice-prompt__details">
            {words.details.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {choose && (
            <div role="radiogroup" aria-label="Choose a passkey" className="practice-prompt__choices">
              {request.candidates.map((candidate) => (
                <label key={candidate.id} className="radio">
                  <input
                    type="radio"
                    name={`${id}-passkey`}
                    checked={chosen === candidate.id}
                    onChange={() => setChosen(candidate.id)}
                    data-autofocus={candidate.id === request.candidates[0]?.id ? '' : undefined}
                  />
                  {candidateLabel(candidate)}
                </label>
              ))}
            </div>
          )}
          {words.nothingFits ? <p className="practice-prompt__nothing">{words.nothingFits}</p> : <p className="muted">{words.verification} Here, select Approve.</p>}
        </div>
        <div className="practice-dialog__actions actions">
          {!words.nothingFits && (
            <Button data-autofocus={choose ? undefined : ''} onClick={() => prompt.answer({ action: 'approve', ...(chosen ? { credentialId: chosen } : {}) })}>
              Approve
            </Button>
          )}
          <Button variant="secondary" data-autofocus={words.nothingFits ? '' : undefined} onClick={() => prompt.answer({ action: 'cancel' })}>
            Cancel
          </Button>
        </div>
      </div>
    </dialog>
  );
}

export function DevicePrompt({ prompt, preset }: { prompt: PendingPrompt; preset: PresetId }) {
  // keyed: a new question is a new dialog (its own choice, focus put in again)
  return createPortal(<DevicePromptDialog key={prompt.id} prompt={prompt} preset={preset} />, document.body);
}
