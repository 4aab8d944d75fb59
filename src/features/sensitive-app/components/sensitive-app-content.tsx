import { StatusMessage } from '../../../components/alert';
import { simulatedDeviceTag } from '../../../shared/simulator-labels';
import type { SensitiveApp } from '../../../shared/tenant';
import { methodWords, providerWords, whyLetIn } from '../sensitive-app-words';

export interface SensitiveAppContentProps {
  app: SensitiveApp;
  /** The person just stepped up on this page. */
  steppedUp?: boolean;
}

/** What the app shows once it let the session in: who, how they signed in, and why that was enough. */
export function SensitiveAppContent({ app, steppedUp = false }: SensitiveAppContentProps) {
  const { user, signedInWith } = app;
  return (
    <>
      {steppedUp ? (
        <StatusMessage>
          <p>Verified with your passkey. You are in.</p>
        </StatusMessage>
      ) : (
        <StatusMessage>
          <p>You are in.</p>
        </StatusMessage>
      )}
      <section className="card stack-sm" aria-labelledby="who-heading">
        <h2 id="who-heading">Who you are</h2>
        <dl className="facts">
          <div>
            <dt>Signed in as</dt>
            <dd>
              <strong>{user.username}</strong>
              {user.displayName && user.displayName !== user.username ? ` (${user.displayName})` : ''}
            </dd>
          </div>
          <div>
            <dt>Signed in with</dt>
            <dd>
              {methodWords(signedInWith.method)}
              {signedInWith.userVerified ? ', unlocked with your PIN, fingerprint or face' : ''}
            </dd>
          </div>
          {signedInWith.method === 'passkey' && (
            <div>
              <dt>Passkey provider</dt>
              <dd>
                {providerWords(signedInWith.providerName)}
                {signedInWith.simulated && <span className="simulated-note">{simulatedDeviceTag(signedInWith.aaguid, signedInWith.simulatedBy)}</span>}
              </dd>
            </div>
          )}
        </dl>
      </section>
      <section className="card stack-sm" aria-labelledby="why-heading">
        <h2 id="why-heading">Why you were let in</h2>
        <p>Your organisation protects this app with a conditional-access rule.</p>
        <ul className="tight-list">
          {whyLetIn(app).map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      </section>
    </>
  );
}
