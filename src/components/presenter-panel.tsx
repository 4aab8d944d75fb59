import './presenter.css';
import { type ReactNode, useEffect, useState } from 'react';
import { type PresenterFlow, presenterNotes } from '../lib/presenter-notes';
import { usePresenterSettings } from '../lib/presenter-settings';
import { Button } from './button';

export interface PresenterPanelProps {
  flow: PresenterFlow;
  /** The flow's own current step: the notes follow it (the arrow keys can still move ahead). */
  step?: number;
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Presenter mode's notes beside a flow: for each step, what the device does, what the server
 * checks and what can go wrong. ← and → move between steps (not while typing in a field).
 * Renders nothing unless presenter mode is on.
 */
export function PresenterPanel({ flow, step = 0 }: PresenterPanelProps) {
  const { enabled } = usePresenterSettings();
  const notes = presenterNotes[flow];
  const last = notes.steps.length - 1;
  const [index, setIndex] = useState(step);
  const [followed, setFollowed] = useState(step);
  if (followed !== step) {
    // The flow moved on: follow it (React's way to adjust state to a changed prop).
    setFollowed(step);
    setIndex(Math.min(step, last));
  }

  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (event.key === 'ArrowRight') setIndex((i) => Math.min(i + 1, last));
      else if (event.key === 'ArrowLeft') setIndex((i) => Math.max(i - 1, 0));
      else return;
      event.preventDefault();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled, last]);

  if (!enabled) return null;
  const current = notes.steps[index]!;
  return (
    <aside className="presenter card stack-sm" aria-labelledby="presenter-heading">
      <h2 id="presenter-heading">Presenter notes: {notes.title}</h2>
      <ol className="presenter__steps">
        {notes.steps.map((s, i) => (
          <li key={s.title} aria-current={i === index ? 'step' : undefined}>
            <button type="button" className="presenter__step" onClick={() => setIndex(i)}>
              {i + 1}. {s.title}
            </button>
          </li>
        ))}
      </ol>
      <p className="presenter__now" aria-live="polite">
        Step {index + 1} of {notes.steps.length}: <strong>{current.title}</strong>
      </p>
      <dl className="presenter__notes">
        <dt>What the device does</dt>
        <dd>{current.device}</dd>
        <dt>What the server checks</dt>
        <dd>{current.server}</dd>
        <dt>What can go wrong</dt>
        <dd>{current.wrong}</dd>
      </dl>
      <div className="actions">
        <Button variant="secondary" onClick={() => setIndex((i) => Math.max(i - 1, 0))} disabled={index === 0}>
          Previous step
        </Button>
        <Button variant="secondary" onClick={() => setIndex((i) => Math.min(i + 1, last))} disabled={index === last}>
          Next step
        </Button>
      </div>
      <p className="muted">Use ← and → to move between steps.</p>
    </aside>
  );
}

/** The flow, with presenter notes beside it (below it on a narrow screen) while presenter mode is on. */
export function WithPresenterNotes({ children, ...panel }: PresenterPanelProps & { children: ReactNode }) {
  const { enabled } = usePresenterSettings();
  if (!enabled) return children;
  return (
    <div className="presenter-layout">
      <div className="presenter-layout__flow">{children}</div>
      <PresenterPanel {...panel} />
    </div>
  );
}
