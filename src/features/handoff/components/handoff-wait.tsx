import '../handoff.css';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert, StatusMessage } from '../../../components/alert';
import { Button } from '../../../components/button';
import { isApiError } from '../../../lib/api-client';
import type { SignedInLocationState } from '../../../lib/authenticator-used';
import { describeError } from '../../../lib/error-messages';
import { paths } from '../../../lib/paths';
import type { CreateHandoffRequest, Handoff } from '../../../shared/schemas';
import { useClaimHandoff } from '../api/claim-handoff';
import { useCreateHandoff } from '../api/create-handoff';
import { useHandoff } from '../api/get-handoff';
import { HandoffEnded, type HandoffEndReason } from './handoff-ended';
import { HandoffQrCode } from './handoff-qr-code';
import { formatCountdown, localDeadline, useCountdown } from './use-countdown';
import { WhyHybridIsSafer } from './why-hybrid-is-safer';

function endReasonOfError(error: unknown): HandoffEndReason | null {
  if (!isApiError(error)) return null;
  if (error.code === 'handoff_not_found') return 'not-found';
  if (error.code === 'handoff_expired') return 'expired';
  if (error.code === 'handoff_used') return 'used';
  return null;
}

function StartAgain({ handoff }: { handoff: Handoff }) {
  const createHandoff = useCreateHandoff();
  const navigate = useNavigate();
  const request: CreateHandoffRequest =
    handoff.purpose === 'registration' ? { purpose: 'registration', username: handoff.username ?? '' } : { purpose: 'sign-in' };
  return (
    <div className="stack-sm">
      {createHandoff.isError && <ErrorAlert message={describeError(createHandoff.error)} />}
      <div className="actions">
        <Button
          busy={createHandoff.isPending}
          onClick={() =>
            createHandoff.mutate(request, {
              onSuccess: ({ handoff: next }) => navigate(paths.handoffWait.getHref(next.id), { replace: true }),
            })
          }
        >
          Start again
        </Button>
      </div>
    </div>
  );
}

function Countdown({ deadline, onExpired }: { deadline: number; onExpired: () => void }) {
  const left = useCountdown(deadline);
  useEffect(() => {
    if (left === 0) onExpired();
  }, [left, onExpired]);
  return (
    <p role="timer" className="countdown">
      Expires in {formatCountdown(left)}
    </p>
  );
}

interface WaitingForPhoneProps {
  handoff: Handoff;
  deadline: number;
  onExpired: () => void;
}

function WaitingForPhone({ handoff, deadline, onExpired }: WaitingForPhoneProps) {
  const what = handoff.purpose === 'registration' ? `create the passkey for “${handoff.username}”` : 'sign in with your passkey';
  return (
    <>
      <h1>Continue on your phone</h1>
      <p className="lead">Scan this QR code with your phone’s camera, then follow the steps on the phone. Keep this page open.</p>
      <div className="card handoff-wait">
        <HandoffQrCode url={handoff.url} />
        <div className="stack-sm handoff-wait__details">
          <ol className="tight-list">
            <li>Scan the QR code with your phone’s camera (or open the link on the phone).</li>
            <li>On the phone, check that the request is yours and tap “Yes, it was me”.</li>
            <li>On the phone, {what}.</li>
            <li>This page notices and signs you in by itself.</li>
          </ol>
          <dl className="handoff-facts">
            <div>
              <dt>Link</dt>
              <dd>
                <code className="handoff-link">{handoff.url}</code>
              </dd>
            </div>
            <div>
              <dt>Code</dt>
              <dd>
                <code className="handoff-code">{handoff.code}</code>
              </dd>
            </div>
          </dl>
          <p className="muted">
            Cannot scan? On the phone, open <code>{new URL(paths.handoffCode.getHref(), handoff.url).href}</code> and type the
            code.
          </p>
          <Countdown deadline={deadline} onExpired={onExpired} />
        </div>
      </div>
      <p role="status" className="muted">
        Waiting for your phone…
      </p>
    </>
  );
}

/**
 * The computer's side: the QR code and code, a countdown, and polling until the phone approves;
 * then it claims the hand-off (only this browser session can) and opens the account page.
 */
export function HandoffWait({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const handoff = useHandoff(id, { poll: true });
  const claim = useClaimHandoff();
  const claimStarted = useRef(false);
  const [timedOut, setTimedOut] = useState(false);
  const [firstSeenAt] = useState(() => Date.now());
  const data = handoff.data?.handoff;

  useEffect(() => {
    if (!data || !data.startedHere || data.status !== 'approved' || claimStarted.current) return;
    claimStarted.current = true;
    claim.mutate(id, {
      onSuccess: async () => {
        // A new session: nothing cached for the previous person may survive (this hand-off's
        // entry stays, so the page does not flash "already used" while it leaves).
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'handoffs' });
        const state: SignedInLocationState = { signedInWith: 'handoff' };
        await navigate(paths.account.getHref(), { replace: true, state });
      },
    });
  }, [claim, data, id, navigate, queryClient]);

  const why = <WhyHybridIsSafer />;

  if (!handoff.data) {
    if (!handoff.isError) {
      return (
        <>
          <h1>Continue on your phone</h1>
          <p>Loading the hand-off…</p>
        </>
      );
    }
    const reason = endReasonOfError(handoff.error);
    if (reason) {
      return (
        <>
          <HandoffEnded reason={reason} device="computer" />
          {why}
        </>
      );
    }
    return (
      <>
        <h1>Continue on your phone</h1>
        <ErrorAlert message={describeError(handoff.error)} />
        <div className="actions">
          <Button variant="secondary" onClick={() => void handoff.refetch()}>
            Try again
          </Button>
        </div>
      </>
    );
  }

  // A hand-off that disappeared while this page polled (404 on a refetch) ends here too.
  const gone = handoff.isRefetchError ? endReasonOfError(handoff.error) : null;
  if (gone === 'not-found') {
    return (
      <>
        <HandoffEnded reason={gone} device="computer" />
        {why}
      </>
    );
  }
  const current = handoff.data.handoff;
  if (!current.startedHere && current.status === 'pending') {
    return (
      <>
        <h1>Continue on your phone</h1>
        <div role="alert" className="notice notice--error">
          <p className="notice__title">This hand-off was started in another browser.</p>
          <p>
            Only the browser that showed the QR code can finish it, so there is nothing to scan here. If this is your
            phone, <Link to={paths.handoff.getHref(current.id)}>open the phone’s page of this hand-off</Link> instead.
          </p>
        </div>
        {why}
      </>
    );
  }

  if (claim.isSuccess || claim.isPending || (current.status === 'approved' && current.startedHere && !claim.isError)) {
    return (
      <>
        <h1>Continue on your phone</h1>
        <StatusMessage>
          <p>Your phone approved. Signing you in…</p>
        </StatusMessage>
      </>
    );
  }

  const claimEnd = claim.isError ? endReasonOfError(claim.error) : null;
  if (claim.isError && !claimEnd) {
    return (
      <>
        <h1>Continue on your phone</h1>
        <ErrorAlert message={describeError(claim.error)} />
        {why}
      </>
    );
  }
  const reason: HandoffEndReason | null =
    claimEnd ??
    (current.status === 'expired' || timedOut
      ? 'expired'
      : current.status === 'claimed' || current.status === 'approved'
        ? 'used'
        : null);
  if (reason) {
    return (
      <>
        <HandoffEnded reason={reason} device="computer">
          {reason === 'expired' && <StartAgain handoff={current} />}
        </HandoffEnded>
        {why}
      </>
    );
  }

  return (
    <>
      <WaitingForPhone
        handoff={current}
        deadline={localDeadline(current, firstSeenAt)}
        onExpired={() => setTimedOut(true)}
      />
      {handoff.isRefetchError && <ErrorAlert message={describeError(handoff.error)} />}
      {why}
    </>
  );
}
