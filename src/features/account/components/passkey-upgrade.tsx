import { useEffect, useRef, useState } from 'react';
import { ErrorAlert, StatusMessage } from '../../../components/alert';
import { Button } from '../../../components/button';
import { outcomeOfError, reportOfError } from '../../../lib/ceremony-report';
import { describeError } from '../../../lib/error-messages';
import { CeremonyReportPanel } from '../../inspector/components/ceremony-report-panel';
import { useAddPasskey } from '../api/add-passkey';
import { cancelAutomaticPasskey, useCreatePasskeyAutomatically } from '../api/create-passkey-automatically';

export interface PasskeyUpgradeProps {
  username: string;
  /** Called with the new passkey's name once one exists on this device. */
  onCreated?: (nickname: string) => void;
}

type Phase = 'trying' | 'automatic' | 'fallback';

/**
 * After a sign-in that used no passkey on this device (the phone hand-off): first ask the
 * browser to create one automatically (conditional create); where it does not, offer the
 * normal prompt. A line says which happened.
 */
export function PasskeyUpgrade({ username, onCreated }: PasskeyUpgradeProps) {
  const automatic = useCreatePasskeyAutomatically();
  const prompt = useAddPasskey();
  const [phase, setPhase] = useState<Phase>('trying');
  const attempt = useRef(0);
  const { mutate: tryAutomatic } = automatic;

  useEffect(() => {
    const mine = ++attempt.current;
    const isCurrent = () => attempt.current === mine;
    tryAutomatic(
      { username, isCurrent },
      {
        onSuccess: () => {
          if (isCurrent()) setPhase('automatic');
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
  }, [tryAutomatic, username]);

  function onCreate() {
    attempt.current += 1; // a pending automatic attempt no longer speaks for this page
    prompt.mutate(
      { username, hint: 'client-device' },
      { onSuccess: ({ credential }) => onCreated?.(credential.nickname) },
    );
  }

  const promptReport = prompt.isSuccess ? prompt.data.report : reportOfError(prompt.error);

  return (
    <section className="card stack-sm" aria-labelledby="upgrade-heading">
      <h2 id="upgrade-heading">A passkey for this computer</h2>
      <p>You signed in with your phone. With a passkey on this computer too, you can sign in here without it next time.</p>
      {phase === 'trying' && <p className="muted">Asking your browser to create a passkey for this device automatically…</p>}
      {phase === 'automatic' && (
        <>
          <StatusMessage>Your browser created a passkey for this device automatically.</StatusMessage>
          {automatic.data?.report && <CeremonyReportPanel report={automatic.data.report} outcome="accepted" />}
        </>
      )}
      {phase === 'fallback' && (
        <>
          <p role="status">Your browser did not create one automatically; you can create one now.</p>
          {prompt.isSuccess ? (
            <StatusMessage>Created the passkey “{prompt.data.credential.nickname}” on this device.</StatusMessage>
          ) : (
            <div className="actions">
              <Button busy={prompt.isPending} onClick={onCreate}>
                Create a passkey on this device
              </Button>
              {prompt.isPending && <p className="muted">Follow the prompts from your browser or device…</p>}
            </div>
          )}
          {prompt.isError && <ErrorAlert message={describeError(prompt.error)} />}
          {promptReport && <CeremonyReportPanel report={promptReport} outcome={prompt.isSuccess ? 'accepted' : outcomeOfError(prompt.error)} />}
        </>
      )}
    </section>
  );
}
