import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { branding } from '../lib/branding';
import { paths } from '../lib/paths';
import { sessionQueryKey, useSession } from '../lib/session';
import { SiteHeader } from './site-header';

/** Moves focus to the new page's main heading after client-side navigation. */
function useFocusHeadingOnNavigate() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return; // first load (or a re-run): leave focus alone
    previous.current = pathname;
    focusMainHeading();
  }, [pathname]);
}

function focusMainHeading() {
  const heading = document.querySelector<HTMLElement>('#main h1');
  if (heading) {
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

export interface LayoutProps {
  /**
   * Ends the session (DELETE /api/session). Passed in by the router, which owns the features,
   * so that the layout does not reach into one.
   */
  signOut: () => Promise<void>;
}

export function Layout({ signOut }: LayoutProps) {
  const navigation = useNavigation();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const location = useLocation();
  const { pathname } = location;
  useFocusHeadingOnNavigate();
  const brand = branding();

  const onSignOut = useCallback(async () => {
    await signOut();
    const signInPath = paths.signIn.getHref();
    await navigate(signInPath, { replace: true, state: { signedOut: true } });
    // Already on /sign-in: no navigation moves focus, and the button that had it is gone.
    if (pathname === signInPath) requestAnimationFrame(focusMainHeading);
  }, [navigate, pathname, signOut]);

  // Once the signed-out /sign-in is on screen, forget that person: reset the session first, so
  // that the header drops what it knew (clear() alone does not tell the queries' observers),
  // then everything else. Not earlier: the router renders the new page in a transition, and a
  // signed-in page still on screen that saw the session answer 401 would send the browser to
  // /sign-in?redirect=… itself (seen once in CI on /account).
  const signedOutVisit = (location.state as { signedOut?: boolean } | null)?.signedOut === true ? location.key : null;
  useEffect(() => {
    if (!signedOutVisit) return;
    void queryClient.resetQueries({ queryKey: sessionQueryKey });
    queryClient.clear();
  }, [queryClient, signedOutVisit]);

  const user = session.data?.user;
  const signedInAs = user ? { username: user.username, isAdmin: session.data?.isAdmin === true } : session.isPending ? undefined : null;

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <SiteHeader signedInAs={signedInAs} onSignOut={onSignOut} />
        {navigation.state === 'loading' && <div className="progress" aria-hidden="true" />}
      </header>
      <main id="main" tabIndex={-1} className="container main">
        <Outlet />
      </main>
      <footer className="site-footer container">
        <p>
          {brand.organisation ? `${brand.appName} is ${brand.organisation}’s passkey lab, a demo. ` : `${brand.appName} is a demo. `}
          Its relying party verifies every passkey for real, but do not store anything important here.
        </p>
      </footer>
    </>
  );
}
