import './practice-mode-button.css';
import { Button } from '../../../components/button';
import { practiceStore, usePracticeMode } from '../practice-store';

export const PRACTISE_LABEL = 'Practise with a simulated device';

/**
 * "Practise with a simulated device" on a page: opens the chooser. Hidden while practice mode is
 * on (the "Simulated device" banner then offers another device and "Stop simulating").
 */
export function PracticeModeButton({ className }: { className?: string }) {
  const { preset } = usePracticeMode();
  if (preset) return null;
  return (
    <div className={['practice-mode-start', className].filter(Boolean).join(' ')}>
      <Button variant="secondary" onClick={(event) => practiceStore.openChooser(event.currentTarget)}>
        {PRACTISE_LABEL}
      </Button>
      <p className="muted">No passkey device at hand? Try it with a simulated one, in any browser. Simulated passkeys are for practice only.</p>
    </div>
  );
}
