import '../handoff.css';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert, Note, StatusMessage } from '../../../components/alert';
import { Button } from '../../../components/button';
import { isApiError } from '../../../lib/api-client';
import { branding } from '../../../lib/branding';
import { describeError } from '../../../lib/error-messages';
import { formatTime } from '../../../lib/format-date';
import { paths } from '../../../lib/paths';
import type { Handoff } from '../../../shared/schemas';
import { useApproveHandoff } from '../api/approve-handoff';
import { useHandoff } from '../api/get-handoff';
import { useRunPhoneCeremony } from '../api/run-phone-ceremony';
import { HandoffEnded, type HandoffEndReason } from './handoff-ended';
import { WhyHybridIsSafer } from './why-hybrid-is-safer';

type Step = 'confirm' | 'ceremony' | 'refused';

/** "Chrome on Windows asked to sign in at 14:03." */
export function requestSentence(handoff: Handoff): string {
  const { browser, os } = handoff.requestedBy;
  const what = handoff.purpose === 'registration' ? `create a passkey for “${handoff.username ?? ''}”` : 'sign in';
  return `${browser} on ${os} asked to ${what} at ${formatTime(handoff.createdAt)}.`;
}

function endReasonOf(handoff: Handoff): HandoffEndReason | null {
  if (handoff.status === 'expired') return 'expired';
  if (handoff.status === 'claimed' || handoff.status === 'approved') return 'used';
  return null;
}

/** Moves focus to the page heading when the step changes, so the new step is read first. */
function useFocusHeading(key: string) {
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [key]);
  return heading;
}

function PhoneSteps({ handoff, approve }: { handoff: Handoff; approve: ReturnType<typeof useApproveHandoff> }) {
  const [step, setStep] = useState<Step>('confirm');
  const ceremony = useRunPhoneCeremony();
  const done = approve.isSuccess;
  const heading = useFocusHeading(done ? 'done' : step);
  const registration = handoff.purpose === 'registration';

  function start() {
    ceremony.mutate(handoff, { onSuccess: () => approve.mutate(handoff.id) });
  }

  if (done) {
    return (
      <>
        <h1 ref={heading} tabIndex={-1}>
          Done — go back to your computer
        </h1>
        <StatusMessage>
          <p className="notice__title">Your computer is signing you in now.</p>
          <p>
            {registration
              ? `The passkey for “${handoff.username ?? ''}” is saved on this phone, and this phone is signed in too.`
              : 'You signed in on this phone, and approved the computer.'}{' '}
            You can close this page.
          </p>
        </StatusMessage>
      </>
    );
  }

  if (step === 'refused') {
    return (
      <>
        <h1 ref={heading} tabIndex={-1}>
          Nothing was approved
        </h1>
        <div className="card stack">
          <p>Good call: the computer that asked cannot sign in with this hand-off unless you approve it here.</p>
          <p>You can close this page. If someone sent you the link or the code, do not give it to anyone else.</p>
        </div>
      </>
    );
  }

  if (step === 'confirm') {
    return (
      <>
        <h1 ref={heading} tabIndex={-1}>
          Was this you?
        </h1>
        <div className="card stack">
          <p className="request-sentence">{requestSentence(handoff)}</p>
          <Note tone="warning">
            <p className="notice__title">Only continue if you started this yourself, on a computer in front of you.</p>
            <p>If someone sent you this link or code, stop: approving it could let them into your account.</p>
          </Note>
          <div className="actions actions--stacked">
            <Button onClick={() => setStep('ceremony')}>Yes, it was me</Button>
            <Button variant="secondary" onClick={() => setStep('refused')}>
              No, it was not me
            </Button>
          </div>
        </div>
      </>
    );
  }

  const busy = ceremony.isPending || approve.isPending;
  const error = ceremony.error ?? approve.error;
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {registration ? 'Create the passkey on this phone' : 'Sign in on this phone'}
      </h1>
      <div className="card stack">
        <p className="request-sentence">{requestSentence(handoff)}</p>
        {registration ? (
          <p>
            This phone makes a new passkey for <strong>“{handoff.username}”</strong> and keeps it. Unlock the phone when
            it asks (fingerprint, face or PIN). The passkey stays on this phone; the computer is then signed in to the new
            account.
          </p>
        ) : (
          <p>
            Choose the passkey this phone keeps for {branding().appName} and unlock the phone. Then the computer is signed in to
            the same account.
          </p>
        )}
        {error && <ErrorAlert message={describeError(error)} />}
        <div className="actions actions--stacked">
          {ceremony.isSuccess && approve.isError ? (
            <Button busy={approve.isPending} onClick={() => approve.mutate(handoff.id)}>
              Try again
            </Button>
          ) : (
            <Button busy={busy} onClick={start}>
              {registration ? 'Create a passkey' : 'Sign in with a passkey'}
            </Button>
          )}
        </div>
        {ceremony.isPending && <p className="muted">Follow the prompts on this phone…</p>}
        {approve.isPending && <p className="muted">Telling your computer…</p>}
      </div>
    </>
  );
}

/**
 * The phone's side of a hand-off: who asked, a warning, "Yes, it was me", the phone's own
 * passkey ceremony, and the approval; or a clear end when it cannot go on.
 */
export function HandoffPhone({ id }: { id: string }) {
  const handoff = useHandoff(id);
  const why = <WhyHybridIsSafer />;
  const approve = useApproveHandoff();

  if (!handoff.data) {
    if (!handoff.isError) return <p>Loading the hand-off…</p>;
    const error = handoff.error;
    if (isApiError(error) && error.code === 'handoff_not_found') {
      return (
        <>
          <HandoffEnded reason="not-found" device="phone" />
          {why}
        </>
      );
    }
    return (
      <>
        <h1>Continue on your phone</h1>
        <ErrorAlert message={describeError(error)} />
        <div className="actions">
          <Button variant="secondary" onClick={() => void handoff.refetch()}>
            Try again
          </Button>
        </div>
      </>
    );
  }

  const current = handoff.data.handoff;
  if (current.startedHere) {
    return (
      <>
        <h1>Open this on your phone</h1>
        <Note tone="warning">
          <p className="notice__title">This is the browser that started the hand-off.</p>
          <p>
            Scan the QR code with your phone instead: the phone does the passkey step, and this browser finishes the
            sign-in. <Link to={paths.handoffWait.getHref(current.id)}>Back to the QR code</Link>
          </p>
        </Note>
        {why}
      </>
    );
  }

  // Once this phone approved it, the status is "approved" (then "claimed"): that is success, not "used".
  const reason = approve.isSuccess || approve.isPending ? null : endReasonOf(current);
  return (
    <>
      {reason ? (
        <HandoffEnded reason={reason} device="phone" />
      ) : (
        <PhoneSteps handoff={current} approve={approve} />
      )}
      {why}
    </>
  );
}
