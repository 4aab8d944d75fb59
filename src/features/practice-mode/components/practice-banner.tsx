import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { presets } from '../../../../testkit/core/presets';
import type { PresetId } from '../../../../testkit/core/types';
import { stopPracticeMode } from '../practice-mode';
import { practiceStore, usePracticeMode } from '../practice-store';

/**
 * Where the banner goes: right under the site header, on every page. The layout is not this
 * feature's, so the banner brings its own place (a node after the <header>) and takes it away.
 */
function useBannerHost(): HTMLElement {
  const [host] = useState(() => {
    const element = document.createElement('div');
    element.className = 'practice-banner-host';
    return element;
  });
  useLayoutEffect(() => {
    const header = document.querySelector('header.site-header');
    if (header) header.after(host);
    else document.body.prepend(host);
    return () => host.remove();
  }, [host]);
  return host;
}

/**
 * The "Simulated device" region while practice mode is on: the device's name, "Approve
 * automatically" (off by default, for presenters), another device, and "Stop simulating".
 */
export function PracticeBanner({ preset }: { preset: PresetId }) {
  const host = useBannerHost();
  const { autoApprove, focusAfterSwitch } = usePracticeMode();
  const title = useRef<HTMLParagraphElement>(null);
  const [stopping, setStopping] = useState(false);
  const device = presets[preset];

  useEffect(() => {
    if (focusAfterSwitch !== 'banner') return;
    practiceStore.focusHandled();
    title.current?.focus();
  }, [focusAfterSwitch]);

  return createPortal(
    <section className="practice-banner" aria-label="Simulated device">
      <div className="container practice-banner__inner">
        <div className="practice-banner__text">
          <p ref={title} tabIndex={-1} className="practice-banner__title">
            <span className="practice-tag">Simulated device</span> <strong>{device.name}</strong>
          </p>
          <p className="practice-banner__note">This tab’s passkey requests go to it. Simulated passkeys are for practice, not real security.</p>
        </div>
        <div className="practice-banner__controls">
          <label className="practice-banner__check">
            <input type="checkbox" checked={autoApprove} onChange={(event) => practiceStore.setAutoApprove(event.target.checked)} />
            Approve automatically
          </label>
          <button type="button" className="switch-button" onClick={(event) => practiceStore.openChooser(event.currentTarget)}>
            Choose another device
          </button>
          <button
            type="button"
            className="switch-button practice-banner__stop"
            aria-disabled={stopping || undefined}
            onClick={() => {
              if (stopping) return;
              setStopping(true);
              void stopPracticeMode().finally(() => setStopping(false));
            }}
          >
            Stop simulating
          </button>
        </div>
      </div>
    </section>,
    host,
  );
}
