import { useRef, useState } from 'react';
import { StatusMessage } from '../../../components/alert';
import type { Fido2Policy } from '../../../shared/policy';
import { useGroups } from '../api/get-groups';
import { usePolicy } from '../api/get-policy';
import { AdminQuery } from './admin-page';
import { PasskeyProfiles } from './passkey-profiles';
import { PolicyEditor } from './policy-editor';
import { PolicyExportPanel } from './policy-export-panel';

/** The whole "Passkey policy" screen: editor, review, profiles and export. */
export function PolicyScreen() {
  const policy = usePolicy();
  const groups = useGroups();
  const [saved, setSaved] = useState(false);
  // Bumped on save: the form starts again from the saved document (and not on a background refetch).
  const [version, setVersion] = useState(0);
  const statusRef = useRef<HTMLDivElement>(null);

  function onSaved(_policy: Fido2Policy) {
    setSaved(true);
    setVersion((v) => v + 1);
    // The editor starts again from the saved document; keep the keyboard near the news.
    requestAnimationFrame(() => statusRef.current?.focus());
  }

  return (
    <AdminQuery query={policy} what="the policy">
      {(data) => (
        <>
          <div ref={statusRef} tabIndex={-1} className="status-anchor">
            {saved && (
              <StatusMessage>
                <p className="notice__title">Policy saved.</p>
                <p>It applies from the next registration or sign-in.</p>
              </StatusMessage>
            )}
          </div>
          <AdminQuery query={groups} what="groups">
            {(groupData) => (
              <PolicyEditor
                key={version}
                policy={data}
                groups={groupData.groups}
                onSaved={onSaved}
                onEdit={() => setSaved(false)}
              />
            )}
          </AdminQuery>
          <section className="card stack-sm" aria-labelledby="passkey-profiles-heading">
            <h2 id="passkey-profiles-heading">Passkey profiles</h2>
            <p className="field__hint">
              The saved profiles. A target that names no profile uses the default one, which “Configure” edits. A person in several targets may use a
              passkey that satisfies any one of their profiles.
            </p>
            <PasskeyProfiles policy={data} />
          </section>
          <PolicyExportPanel policy={data} />
        </>
      )}
    </AdminQuery>
  );
}
