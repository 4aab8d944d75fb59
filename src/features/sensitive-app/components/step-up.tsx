import { type ReactNode, useState } from 'react';
import { ErrorAlert, Note } from '../../../components/alert';
import { Button } from '../../../components/button';
import { CeremonyReportPanel } from '../../../components/ceremony-report-panel';
import { outcomeOfError, reportOfError } from '../../../lib/ceremony-report';
import { describeError, isCeremonyAborted } from '../../../lib/error-messages';
import type { Credential } from '../../../shared/schemas';
import type { StepUpReason } from '../../../shared/sign-in';
import { providerAdvice, refusedStepUp, stepUpExplanation } from '../sensitive-app-words';

export interface StepUpProps {
  /** Why the relying party asks to step up (`error.reason`); undefined when it gave none. */
  reason: StepUpReason | undefined;
  /** How many passkeys the account has; null while unknown. */
  passkeyCount: number | null;
  /** The passkey the person verified with on this page, when that was not enough. */
  usedPasskey: Pick<Credential, 'providerName'> | null;
  /** Runs the passkey sign-in (username first) and waits until the page knows the outcome. */
  onVerify: () => Promise<void>;
  /** Where to create a passkey (a link to the account page). */
  createPasskeyLink: ReactNode;
}

/** 403 step_up_required: says why in plain words, and offers "Verify with a passkey". */
export function StepUp({ reason, passkeyCount, usedPasskey, onVerify, createPasskeyLink }: StepUpProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function verify() {
    setBusy(true);
    setError(null);
    try {
      await onVerify();
    } catch (caught) {
      if (!isCeremonyAborted(caught)) setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const report = reportOfError(error);
  return (
    <section className="card card--prominent stack-sm" aria-labelledby="step-up-heading">
      <h2 id="step-up-heading">This app needs a passkey</h2>
      <p>{stepUpExplanation(reason, usedPasskey ? usedPasskey.providerName : undefined)}</p>
      {/* After a step-up that verified but was not enough, the alert says so (and is announced). */}
      {reason === 'aaguidNotAllowed' && !usedPasskey && <p>{providerAdvice()}</p>}
      {reason === 'aaguidNotAllowed' && usedPasskey && error === null && <ErrorAlert message={refusedStepUp(usedPasskey.providerName)} />}
      {error !== null && <ErrorAlert message={describeError(error, 'step-up')} takeFocus />}
      {report && <CeremonyReportPanel report={report} outcome={outcomeOfError(error)} />}
      {passkeyCount === 0 ? (
        <Note>
          <p>You have no passkey yet, so there is nothing to verify with.</p>
          <p>{createPasskeyLink}, then come back here and verify with it.</p>
        </Note>
      ) : (
        <div className="actions">
          <Button busy={busy} onClick={() => void verify()}>
            Verify with a passkey
          </Button>
          {busy && <p className="muted">Follow the prompts from your browser or device…</p>}
        </div>
      )}
    </section>
  );
}
