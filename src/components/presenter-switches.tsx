import './presenter.css';
import { setPresenterSettings, usePresenterSettings } from '../lib/presenter-settings';

/** The header's switches: presenter mode, and (while it is on) large type for projectors. */
export function PresenterSwitches() {
  const { enabled, largeType } = usePresenterSettings();
  return (
    <div className="presenter-switches" role="group" aria-label="Presenter">
      <button type="button" className="switch-button" aria-pressed={enabled} onClick={() => setPresenterSettings({ enabled: !enabled })}>
        Presenter mode
      </button>
      {enabled && (
        <button type="button" className="switch-button" aria-pressed={largeType} onClick={() => setPresenterSettings({ largeType: !largeType })}>
          Large type
        </button>
      )}
    </div>
  );
}
