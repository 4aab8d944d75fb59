import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { paths } from '../../../lib/paths';

export type HandoffEndReason = 'expired' | 'used' | 'not-found';

export const handoffEndHeadings: Record<HandoffEndReason, string> = {
  expired: 'This hand-off has expired',
  used: 'This hand-off was already used',
  'not-found': 'We could not find this hand-off',
};

const phoneNextSteps: Record<HandoffEndReason, ReactNode> = {
  expired: (
    <>
      <p>Hand-offs last 5 minutes, so nobody can use an old QR code later.</p>
      <p>On the computer, press “Start again” (or “Use my phone”) and scan the new QR code with this phone.</p>
    </>
  ),
  used: (
    <>
      <p>Each hand-off can be approved once and finishes on one computer only, so a copied link is worthless.</p>
      <p>If the computer is not signed in yet, start again there and scan the new QR code.</p>
    </>
  ),
  'not-found': (
    <>
      <p>The link may be incomplete, or the hand-off ended over an hour ago.</p>
      <p>
        Scan the QR code again, or <Link to={paths.handoffCode.getHref()}>type the code</Link> shown on the computer.
      </p>
    </>
  ),
};

const computerNextSteps: Record<HandoffEndReason, ReactNode> = {
  expired: <p>Hand-offs last 5 minutes. Start again to get a new QR code, and scan it within that time.</p>,
  used: (
    <p>
      It was already approved or finished. Go to <Link to={paths.account.getHref()}>your account</Link> if you are
      signed in, or <Link to={paths.signIn.getHref()}>sign in</Link> again.
    </p>
  ),
  'not-found': (
    <p>
      The link may be incomplete, or the hand-off ended over an hour ago. Start again from{' '}
      <Link to={paths.signIn.getHref()}>Sign in</Link> or <Link to={paths.register.getHref()}>Register</Link> with “Use
      my phone”.
    </p>
  ),
};

export interface HandoffEndedProps {
  reason: HandoffEndReason;
  device: 'computer' | 'phone';
  /** Extra controls, such as "Start again". */
  children?: ReactNode;
}

/** The clear end of a hand-off that cannot go on: what happened and what to do next. */
export function HandoffEnded({ reason, device, children }: HandoffEndedProps) {
  return (
    <>
      <h1>{handoffEndHeadings[reason]}</h1>
      <div className="card stack">
        {device === 'phone' ? phoneNextSteps[reason] : computerNextSteps[reason]}
        {children}
      </div>
    </>
  );
}
