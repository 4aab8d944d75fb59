import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { paths } from '../../../lib/paths';
import { describeCapability, detectWebAuthnSupport, type WebAuthnSupport } from '../../../lib/webauthn-support';

function YesNo({ value }: { value: boolean }) {
  return <span className={value ? 'badge badge--yes' : 'badge badge--no'}>{value ? 'Yes' : 'No'}</span>;
}

function CapabilityList({ entries }: { entries: [string, boolean][] }) {
  return (
    <dl className="support-list support-list--compact">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>
            {describeCapability(key)} <code className="capability-key">{key}</code>
          </dt>
          <dd>
            <YesNo value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Practice mode needs WebCrypto (a secure context: https or localhost), not WebAuthn. */
function practiceModeWorksHere(): boolean {
  return typeof globalThis.crypto?.subtle?.generateKey === 'function';
}

export interface SupportPanelProps {
  /**
   * A simulated device (practice mode) answers for WebAuthn in this tab: the answers below are
   * the simulator's, and the panel says so.
   */
  simulatedDevice?: boolean;
}

/** What this browser supports: WebAuthn, a platform authenticator, autofill, client capabilities, practice mode. */
export function SupportPanel({ simulatedDevice = false }: SupportPanelProps) {
  const [support, setSupport] = useState<WebAuthnSupport | null>(null);
  const practiceModeWorks = practiceModeWorksHere();

  useEffect(() => {
    let active = true;
    void detectWebAuthnSupport().then((result) => {
      if (active) setSupport(result);
    });
    return () => {
      active = false;
    };
  }, []);

  const entries = Object.entries(support?.clientCapabilities ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const features = entries.filter(([key]) => !key.startsWith('extension:'));
  const extensions = entries.filter(([key]) => key.startsWith('extension:'));

  return (
    <section aria-labelledby="support-heading" className="card" aria-busy={support === null}>
      <h2 id="support-heading">What this browser supports</h2>
      {support === null ? (
        <p>Checking this browser…</p>
      ) : (
        <>
          {simulatedDevice && (
            <p className="support-simulated">
              <strong>Simulated:</strong> practice mode is on in this tab, so these are the simulated device’s answers, not
              this browser’s own.
            </p>
          )}
          <dl className="support-list">
            <div>
              <dt>WebAuthn (the standard behind passkeys)</dt>
              <dd>
                <YesNo value={support.webAuthn} />
              </dd>
            </div>
            <div>
              <dt>A built-in authenticator (fingerprint, face or device PIN)</dt>
              <dd>
                <YesNo value={support.platformAuthenticator} />
              </dd>
            </div>
            <div>
              <dt>Passkey autofill in the username field</dt>
              <dd>
                <YesNo value={support.autofill} />
              </dd>
            </div>
            <div>
              <dt>Practice mode with a simulated device (no real passkey needed)</dt>
              <dd>
                <YesNo value={practiceModeWorks} />
              </dd>
            </div>
          </dl>
          {practiceModeWorks && !support.webAuthn && (
            <p>
              This browser cannot use real passkeys, but practice mode works here: choose “Practise with a simulated device”
              to try every flow with a simulated one.
            </p>
          )}
          <h3>Client capabilities</h3>
          {support.clientCapabilities === null ? (
            <p>
              This browser does not report its capabilities (it has no <code>PublicKeyCredential.getClientCapabilities()</code>).
            </p>
          ) : Object.keys(support.clientCapabilities).length === 0 ? (
            <p>The browser reported no capabilities.</p>
          ) : (
            <>
              <p>
                As reported by <code>PublicKeyCredential.getClientCapabilities()</code>:
              </p>
              <CapabilityList entries={features} />
              {extensions.length > 0 && (
                <details className="capability-details">
                  <summary>
                    WebAuthn extensions: {extensions.filter(([, value]) => value).length} of {extensions.length} supported
                  </summary>
                  <CapabilityList entries={extensions} />
                </details>
              )}
            </>
          )}
          <p>
            <Link to={paths.capabilities.getHref()}>Every capability, in plain words</Link>
          </p>
        </>
      )}
    </section>
  );
}
