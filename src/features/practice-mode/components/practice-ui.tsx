import '../practice-mode.css';
import { createPortal } from 'react-dom';
import { usePracticeMode } from '../practice-store';
import { usePendingPrompts } from '../prompt-queue';
import { AutofillSuggestions } from './autofill-suggestions';
import { DeviceChooser } from './device-chooser';
import { DevicePrompt } from './device-prompt';
import { PracticeBanner } from './practice-banner';

/**
 * Everything practice mode shows, loaded with the simulator: chooser, banner, prompt, autofill.
 * Mounted in the header menu (hidden while it is closed), so each part is put elsewhere in the page.
 */
export function PracticeUi() {
  const { preset, chooserOpen } = usePracticeMode();
  const pending = usePendingPrompts();
  const modal = pending.find((entry) => entry.request.mediation !== 'conditional');
  const autofill = pending.find((entry) => entry.request.mediation === 'conditional');
  return (
    <>
      {preset && <PracticeBanner preset={preset} />}
      {chooserOpen && createPortal(<DeviceChooser current={preset} />, document.body)}
      {preset && !chooserOpen && modal && <DevicePrompt prompt={modal} preset={preset} />}
      {preset && autofill && <AutofillSuggestions prompt={autofill} preset={preset} />}
    </>
  );
}
