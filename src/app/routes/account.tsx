import { Navigate, redirect, useLocation, type LoaderFunctionArgs } from 'react-router';
import { ErrorAlert } from '../../components/alert';
import { useDocumentTitle } from '../../components/use-document-title';
import { AccountOverview } from '../../features/account/components/account-overview';
import { getCredentialsQueryOptions } from '../../features/account/api/get-credentials';
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
  return null;
}

function AccountPage() {
  useDocumentTitle('Your account');
  const session = useSession();
  const location = useLocation();
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
        <AccountOverview
          session={session.data}
          signedInWith={readSignedInWith(location.state)}
          signInReport={readCeremonyReport(location.state)}
        />
      )}
    </>
  );
}

export { AccountPage as Component };
