import { type ReactNode, useEffect, useRef, useState } from 'react';
import { ErrorAlert, StatusMessage } from '../../../components/alert';
import { Button } from '../../../components/button';
import { CeremonyReportPanel } from '../../../components/ceremony-report-panel';
import { outcomeOfError, reportOfError } from '../../../lib/ceremony-report';
import { describeError } from '../../../lib/error-messages';
import type { Credential } from '../../../shared/schemas';
import { useAddPasskey } from '../api/add-passkey';
import { cancelAutomaticPasskey, useCreatePasskeyAutomatically } from '../api/create-passkey-automatically';

/**
 * Why the page asks for a passkey now:
 * - `handoff`: signed in with the phone; a passkey on this computer too would be handy;
 * - `temporaryAccessPass`: signed in with a Temporary Access Pass and has no passkey yet;
 * - `campaign`: the organisation's registration campaign asks for one (its words come as children).
 */
export type UpgradeReason = 'handoff' | 'temporaryAccessPass' | 'campaign';

export interface PasskeyUpgradeProps {
  username: string;
  reason: UpgradeReason;
  /**
   * Ask the browser to create the passkey by itself first (conditional create), as right after a
   * sign-in that used no passkey on this device. Otherwise the button is offered at once.
   */
  automatic?: boolean;
  /** More explanation under the first paragraph (the campaign's). */
  children?: ReactNode;
  /** Beside "Create a passkey" (the campaign's "Not now"). */
  secondaryAction?: ReactNode;
  /** Called with the new passkey, and whether the browser created it by itself. */
  onCreated?: (credential: Credential, automatically: boolean) => void;
}

/** `manual`: the person pressed the button before the automatic attempt ended (it was stopped). */
type Phase = 'trying' | 'automatic' | 'fallback' | 'manual';

const wording: Record<UpgradeReason, { heading: string; intro: string | null; button: string }> = {
  handoff: {
    heading: 'A passkey for this computer',
    intro: 'You signed in with your phone. With a passkey on this computer too, you can sign in here without it next time.',
    button: 'Create a passkey on this device',
  },
  temporaryAccessPass: {
    heading: 'Create your passkey',
    intro:
      'You signed in with a Temporary Access Pass. It is only for getting set up and stops working soon, so create a passkey now: from then on, you sign in with the passkey.',
    button: 'Create a passkey',
  },
  campaign: {
    heading: 'Set up a passkey',
    intro: null,
    button: 'Create a passkey',
  },
};

/**
 * After a sign-in that used no passkey on this device (the phone hand-off, a Temporary Access
 * Pass) or when the organisation asks for one: first ask the browser to create one automatically
 * (conditional create, where `automatic`); where it does not, offer the normal prompt. A line
 * says which happened.
 */
export function PasskeyUpgrade({ username, reason, automatic = true, children, secondaryAction, onCreated }: PasskeyUpgradeProps) {
  const auto = useCreatePasskeyAutomatically();
  const prompt = useAddPasskey();
  const [phase, setPhase] = useState<Phase>(automatic ? 'trying' : 'fallback');
  const attempt = useRef(0);
  const onCreatedRef = useRef(onCreated);
  const { mutate: tryAutomatic } = auto;
  const words = wording[reason];

  useEffect(() => {
    onCreatedRef.current = onCreated;
  }, [onCreated]);

  useEffect(() => {
    if (!automatic) return;
    const mine = ++attempt.current;
    const isCurrent = () => attempt.current === mine;
    tryAutomatic(
      { username, isCurrent },
      {
        onSuccess: ({ credential }) => {
          if (!isCurrent()) return;
          setPhase('automatic');
          onCreatedRef.current?.(credential, true);
        },
        onError: () => {
          if (isCurrent()) setPhase('fallback');
        },
      },
    );
    return () => {
      attempt.current += 1;
      cancelAutomaticPasskey();
    };
  }, [tryAutomatic, username, automatic]);

  function onCreate() {
    if (phase === 'trying') {
      // The person did not wait for the browser: stop the automatic attempt first, so that its
      // time limit cannot cancel this ceremony.
      cancelAutomaticPasskey();
      setPhase('manual');
    }
    attempt.current += 1; // a pending automatic attempt no longer speaks for this page
    prompt.mutate({ username, hint: 'client-device' }, { onSuccess: ({ credential }) => onCreatedRef.current?.(credential, false) });
  }

  const promptReport = prompt.isSuccess ? prompt.data.report : reportOfError(prompt.error);

  return (
    <section className={`card stack-sm${reason === 'handoff' ? '' : ' card--prominent'}`} aria-labelledby="upgrade-heading">
      <h2 id="upgrade-heading">{words.heading}</h2>
      {words.intro && <p>{words.intro}</p>}
      {children}
      {phase === 'trying' && <p className="muted">Asking your browser to create a passkey for this device automatically…</p>}
      {phase === 'automatic' && (
        <>
          <StatusMessage takeFocus>Your browser created a passkey for this device automatically.</StatusMessage>
          {auto.data?.report && <CeremonyReportPanel report={auto.data.report} outcome="accepted" />}
        </>
      )}
      {phase === 'fallback' && automatic && <p role="status">Your browser did not create one automatically; you can create one now.</p>}
      {phase !== 'automatic' && (
        // Offered at once, even while the browser is still asked: nobody has to wait for it to give up.
        <>
          {prompt.isSuccess ? (
            <StatusMessage takeFocus>Created the passkey “{prompt.data.credential.nickname}” on this device.</StatusMessage>
          ) : (
            <div className="actions">
              <Button busy={prompt.isPending} onClick={onCreate}>
                {words.button}
              </Button>
              {!prompt.isPending && secondaryAction}
              {prompt.isPending && <p className="muted">Follow the prompts from your browser or device…</p>}
            </div>
          )}
          {prompt.isError && <ErrorAlert message={describeError(prompt.error, 'registration')} takeFocus />}
          {promptReport && <CeremonyReportPanel report={promptReport} outcome={prompt.isSuccess ? 'accepted' : outcomeOfError(prompt.error)} />}
        </>
      )}
    </section>
  );
}
