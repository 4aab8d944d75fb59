import { lazy, Suspense, useEffect } from 'react';
import { focusMainHeading, practiceStore, usePracticeMode } from '../practice-store';
import { PRACTISE_LABEL } from './practice-mode-button';

const PracticeUi = lazy(() => import('../practice-runtime').then((module) => ({ default: module.PracticeUi })));

/**
 * Practice mode in the header menu, on every page: the menu item "Practise with a simulated
 * device", and (loaded on first use) the chooser, the "Simulated device" banner, the device's
 * prompt and the autofill suggestions.
 */
export function PracticeModeHost() {
  const { preset, chooserOpen, focusAfterSwitch } = usePracticeMode();

  useEffect(() => {
    if (focusAfterSwitch !== 'heading') return;
    practiceStore.focusHandled();
    focusMainHeading();
  }, [focusAfterSwitch]);

  return (
    <>
      <button type="button" className="switch-button" onClick={(event) => practiceStore.openChooser(event.currentTarget)}>
        {PRACTISE_LABEL}
      </button>
      {(preset || chooserOpen) && (
        <Suspense fallback={null}>
          <PracticeUi />
        </Suspense>
      )}
    </>
  );
}
