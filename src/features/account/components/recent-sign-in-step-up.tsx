import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert, StatusMessage } from '../../../components/alert';
import { Button } from '../../../components/button';
import { useTakeFocus } from '../../../components/use-take-focus';
import { signInWithPasskey } from '../../../lib/authentication-ceremony';
import { describeError } from '../../../lib/error-messages';
import { sessionQueryKey } from '../../../lib/session';

export interface RecentSignInStepUpProps {
  username: string;
  /** The account has a passkey to verify with (else: sign in again with a Temporary Access Pass). */
  hasPasskeys: boolean;
  /** Add the passkey now that the sign-in is recent again. */
  onContinue: () => void;
}

/**
 * The step-up that `403 recent_sign_in_required` asks for (Entra: multifactor authentication
 * within the past five minutes before registering a passkey): verify with one of the account's
 * passkeys — an ordinary username-first sign-in, which starts a fresh session — then go on
 * adding the new one with a second press, since some browsers create a passkey only right
 * after a click.
 */
export function RecentSignInStepUp({ username, hasPasskeys, onContinue }: RecentSignInStepUpProps) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<'ask' | 'verifying' | 'verified'>('ask');
  const [error, setError] = useState<unknown>(null);
  const heading = useTakeFocus<HTMLHeadingElement>(true);

  async function verify() {
    setError(null);
    setState('verifying');
    try {
      await signInWithPasskey(username);
      await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
      setState('verified');
    } catch (caught) {
      setError(caught);
      setState('ask');
    }
  }

  return (
    <section className="card stack-sm" aria-labelledby="step-up-heading">
      <h3 id="step-up-heading" ref={heading} tabIndex={-1}>
        Confirm it’s you first
      </h3>
      <p>
        Adding a passkey needs a sign-in within the last 5 minutes, and yours was earlier. This keeps someone who finds
        your unlocked computer from adding a passkey of their own.
      </p>
      {state === 'verified' ? (
        <>
          <StatusMessage takeFocus>Verified. You can add the passkey now.</StatusMessage>
          <div className="actions">
            <Button onClick={onContinue}>Continue adding the passkey</Button>
          </div>
        </>
      ) : hasPasskeys ? (
        <div className="actions">
          <Button busy={state === 'verifying'} onClick={() => void verify()}>
            Verify with a passkey
          </Button>
          {state === 'verifying' && <p className="muted">Use one of your existing passkeys…</p>}
        </div>
      ) : (
        <p>
          You have no passkey to verify with yet. <Link to="/sign-in">Sign in again with your Temporary Access Pass</Link>, then create
          your passkey straight away.
        </p>
      )}
      {error !== null && <ErrorAlert message={describeError(error)} takeFocus />}
    </section>
  );
}
