import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/alert';
import { ApiError } from '../../../lib/api-client';
import { describeError } from '../../../lib/error-messages';
import { paths } from '../../../lib/paths';
import { useSession } from '../../../lib/session';
import type { Credential } from '../../../shared/schemas';
import { isStepUpReason, type StepUpReason } from '../../../shared/step-up';
import { getSensitiveAppQueryOptions, useSensitiveApp } from '../api/get-sensitive-app';
import { SensitiveAppContent } from './sensitive-app-content';
import { StepUp } from './step-up';

export interface SensitiveAppProps {
  /** A username-first passkey sign-in for this account (a new, phishing-resistant session). */
  signInWithPasskey: (username: string) => Promise<{ credential: Pick<Credential, 'providerName'> }>;
  /** How many passkeys the account has; null while unknown. */
  passkeyCount: number | null;
  /** Where to create a passkey (a link to the account page). */
  createPasskeyLink: ReactNode;
}

function isStepUpRequired(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'step_up_required';
}

/** The reason the relying party gave for `step_up_required` (docs/api.md, "Conditional access"). */
function stepUpReasonOf(error: unknown): StepUpReason | undefined {
  return error instanceof ApiError && isStepUpReason(error.reason) ? error.reason : undefined;
}

function isSignedOut(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/**
 * The demo "sensitive app" behind a conditional-access rule: in, asked to step up, or asked to
 * sign in first.
 */
export function SensitiveApp({ signInWithPasskey, passkeyCount, createPasskeyLink }: SensitiveAppProps) {
  const app = useSensitiveApp();
  const session = useSession();
  const queryClient = useQueryClient();
  const [usedPasskey, setUsedPasskey] = useState<Pick<Credential, 'providerName'> | null>(null);
  const [steppedUp, setSteppedUp] = useState(false);

  async function stepUp() {
    const username = session.data?.user.username;
    if (!username) throw new ApiError({ status: 401, code: 'not_signed_in', message: '' });
    const { credential } = await signInWithPasskey(username);
    setSteppedUp(true);
    // A new session: everything read for the old one is read again.
    await queryClient.invalidateQueries();
    const result = await queryClient.fetchQuery(getSensitiveAppQueryOptions()).catch(() => null);
    if (result === null) {
      // The passkey verified, but the app still refuses it; the new refusal's reason says why.
      setSteppedUp(false);
      setUsedPasskey(credential);
    }
  }

  if (app.isPending) return <p>Checking whether you may use this app…</p>;
  if (app.isSuccess) return <SensitiveAppContent app={app.data} steppedUp={steppedUp} />;
  if (isSignedOut(app.error)) {
    return (
      <section className="card stack-sm" aria-labelledby="sign-in-first-heading">
        <h2 id="sign-in-first-heading">Sign in first</h2>
        <p>This app is for signed-in people only.</p>
        <p>
          <Link to={paths.signIn.getHref(paths.sensitiveApp.getHref())}>Sign in and come back here</Link>
        </p>
      </section>
    );
  }
  if (isStepUpRequired(app.error)) {
    return (
      <StepUp
        reason={stepUpReasonOf(app.error)}
        passkeyCount={passkeyCount}
        usedPasskey={usedPasskey}
        onVerify={stepUp}
        createPasskeyLink={createPasskeyLink}
      />
    );
  }
  return <ErrorAlert message={describeError(app.error)} />;
}
