import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { presets } from '../../../../testkit/core/presets';
import type { PresetId } from '../../../../testkit/core/types';
import type { PendingPrompt } from '../prompt-queue';
import { candidateLabel } from '../prompt-words';

/** The field a page marks for passkey autofill (`autocomplete="… webauthn"`, WebAuthn §5.1.4 conditional mediation). */
const AUTOFILL_FIELD = 'input[autocomplete~="webauthn"]';

/**
 * A place right under the page's autofill field, kept there while the page changes (the field
 * can appear later, or be replaced when the page is rendered again).
 */
function useHostUnderField(): HTMLElement | null {
  const [host, setHost] = useState<HTMLElement | null>(null);
  useEffect(() => {
    const element = document.createElement('div');
    element.className = 'practice-autofill-host';
    let anchor: Element | null = null;
    function place() {
      const field = document.querySelector(AUTOFILL_FIELD);
      const next = field ? (field.closest('.field') ?? field) : null;
      if (next === anchor && element.isConnected) return;
      anchor = next;
      if (next) {
        next.after(element);
        setHost(element);
      } else {
        element.remove();
        setHost(null);
      }
    }
    place();
    const observer = new MutationObserver(place);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      element.remove();
    };
  }, []);
  return host;
}

/**
 * Passkey autofill with a simulated device: the request stays pending, and the passkeys that
 * fit are offered under the username field, as a browser offers them in its autofill list.
 * Nothing happens until the person picks one. With no passkey that fits, nothing is offered.
 */
export function AutofillSuggestions({ prompt, preset }: { prompt: PendingPrompt; preset: PresetId }) {
  const host = useHostUnderField();
  const { candidates } = prompt.request;
  if (!host || candidates.length === 0) return null;
  return createPortal(
    <div className="practice-autofill" role="group" aria-label="Simulated passkey suggestions">
      <p className="practice-autofill__title">
        <span className="practice-tag">Simulated</span> Passkeys on {presets[preset].name} for this site:
      </p>
      <ul className="practice-autofill__list">
        {candidates.map((candidate) => (
          <li key={candidate.id}>
            <button type="button" className="practice-autofill__option" onClick={() => prompt.answer({ action: 'approve', credentialId: candidate.id })}>
              Sign in as {candidateLabel(candidate)}
            </button>
          </li>
        ))}
      </ul>
    </div>,
    host,
  );
}
