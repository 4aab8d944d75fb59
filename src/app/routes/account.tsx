import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { type LoaderFunctionArgs, Navigate, redirect, useLocation } from 'react-router';
import { ErrorAlert } from '../../components/alert';
import { useDocumentTitle } from '../../components/use-document-title';
import { getCredentialsQueryOptions } from '../../features/account/api/get-credentials';
import { AccountOverview, type CampaignRequest } from '../../features/account/components/account-overview';
import { readTemporaryAccessPassState } from '../../features/account/temporary-access-pass-state';
import { getRegistrationCampaignQueryOptions, useRegistrationCampaign } from '../../features/registration-campaign/api/get-registration-campaign';
import { useSnoozeRegistrationCampaign } from '../../features/registration-campaign/api/snooze-registration-campaign';
import { CampaignExplanation } from '../../features/registration-campaign/components/campaign-explanation';
import { CampaignSnoozed } from '../../features/registration-campaign/components/campaign-snoozed';
import { NotNowButton } from '../../features/registration-campaign/components/not-now-button';
import { readSignedInWith } from '../../lib/authenticator-used';
import { readCeremonyReport } from '../../lib/ceremony-report';
import { describeError } from '../../lib/error-messages';
import { paths } from '../../lib/paths';
import { queryClient } from '../../lib/query-client';
import { getSessionQueryOptions, isNotSignedIn, useSession } from '../../lib/session';

function signInHref(request: Request) {
  const url = new URL(request.url);
  return paths.signIn.getHref(`${url.pathname}${url.search}`);
}

/** Signed-in only: without a session, go to sign-in and come back here afterwards. */
export async function loader({ request }: LoaderFunctionArgs) {
  try {
    await queryClient.fetchQuery({ ...getSessionQueryOptions(), staleTime: 5_000 });
  } catch (error) {
    if (isNotSignedIn(error)) throw redirect(signInHref(request));
    // Other failures are shown by the page itself.
    return null;
  }
  void queryClient.prefetchQuery(getCredentialsQueryOptions());
  void queryClient.prefetchQuery(getRegistrationCampaignQueryOptions());
  return null;
}

/** The registration campaign's card content and its "Not now", while it nudges this person. */
function useCampaignRequest(signedIn: boolean) {
  const campaign = useRegistrationCampaign({ enabled: signedIn });
  const snooze = useSnoozeRegistrationCampaign();
  const data = campaign.data;
  // "Not now" hides the card for this visit, whatever the campaign says next (docs/api.md:
  // the nudge is hidden for the session); the next one asks again.
  const asking = data && (data.nudge || data.mustRegister) && !snooze.isSuccess ? data : null;
  const request: CampaignRequest | null = asking
    ? {
        explanation: (
          <>
            <CampaignExplanation campaign={asking} />
            {snooze.isError && <ErrorAlert message={describeError(snooze.error)} />}
          </>
        ),
        notNow:
          !asking.mustRegister && (asking.snoozesLeft === null || asking.snoozesLeft > 0) ? <NotNowButton busy={snooze.isPending} onClick={() => snooze.mutate()} /> : undefined,
      }
    : null;
  return {
    request,
    // A failed campaign request must not hold back the rest of the page.
    known: !signedIn || !campaign.isPending,
    snoozed: snooze.isSuccess ? snooze.data : null,
  };
}

function AccountPage() {
  useDocumentTitle('Your account');
  const session = useSession();
  const location = useLocation();
  const client = useQueryClient();
  const campaign = useCampaignRequest(session.isSuccess);
  const tapState = readTemporaryAccessPassState(location.state);
  const onPasskeyCreated = useCallback(() => {
    void client.invalidateQueries({ queryKey: getRegistrationCampaignQueryOptions().queryKey });
  }, [client]);

  if (session.isError && isNotSignedIn(session.error)) {
    return <Navigate to={paths.signIn.getHref(paths.account.getHref())} replace />;
  }
  return (
    <>
      <h1>Your account</h1>
      {session.isPending ? (
        <p>Loading…</p>
      ) : session.isError ? (
        <ErrorAlert message={describeError(session.error)} />
      ) : (
        <>
          {campaign.snoozed && <CampaignSnoozed campaign={campaign.snoozed} />}
          <AccountOverview
            session={session.data}
            signedInWith={readSignedInWith(location.state)}
            signInReport={readCeremonyReport(location.state)}
            justUsedTemporaryAccessPass={tapState !== null}
            continueTo={tapState?.continueTo ?? null}
            campaign={campaign.request}
            campaignKnown={campaign.known}
            onPasskeyCreated={onPasskeyCreated}
          />
        </>
      )}
    </>
  );
}

export { AccountPage as Component };
