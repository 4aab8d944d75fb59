import { type LoaderFunctionArgs, redirect } from 'react-router';
import { paths } from '../../lib/paths';
import { queryClient } from '../../lib/query-client';
import { getSessionQueryOptions, isNotSignedIn } from '../../lib/session';

/**
 * The loader of every admin route: without a session, go to sign-in and come back afterwards;
 * for an admin, start loading the page's data (`prefetch`) while the chunk renders. A signed-in
 * non-admin gets the page, which says it is for tenant admins (the API would answer 403).
 */
export function adminLoader(prefetch: () => void = () => {}) {
  return async ({ request }: LoaderFunctionArgs) => {
    try {
      const session = await queryClient.fetchQuery({ ...getSessionQueryOptions(), staleTime: 5_000 });
      if (session.isAdmin) prefetch();
    } catch (error) {
      if (isNotSignedIn(error)) {
        const url = new URL(request.url);
        throw redirect(paths.signIn.getHref(`${url.pathname}${url.search}`));
      }
      // Other failures are shown by the page itself.
    }
    return null;
  };
}
