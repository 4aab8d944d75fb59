import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigation } from 'react-router';
import { BrandIcon } from '../components/brand-icon';
import { PresenterSwitches } from '../components/presenter-switches';
import { branding } from '../lib/branding';
import { paths } from '../lib/paths';
import { useSession } from '../lib/session';

/** Moves focus to the new page's main heading after client-side navigation. */
function useFocusHeadingOnNavigate() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return; // first load (or a re-run): leave focus alone
    previous.current = pathname;
    const heading = document.querySelector<HTMLElement>('#main h1');
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  }, [pathname]);
}

const navItems = [
  { to: paths.register.getHref(), label: 'Register' },
  { to: paths.signIn.getHref(), label: 'Sign in' },
  { to: paths.account.getHref(), label: 'Your account' },
  { to: paths.inspector.getHref(), label: 'Inspector' },
  { to: paths.capabilities.getHref(), label: 'Capabilities' },
  { to: paths.sensitiveApp.getHref(), label: 'Sensitive app' },
];

/** Tenant administration: only for an admin's session (the API refuses everyone else anyway). */
const adminItem = { to: paths.admin.getHref(), label: 'Admin' };

export function Layout() {
  const navigation = useNavigation();
  const session = useSession();
  useFocusHeadingOnNavigate();
  const items = session.data?.isAdmin === true ? [...navItems, adminItem] : navItems;
  const brand = branding();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <Link to={paths.home.getHref()} className="brand">
            {brand.logo ? <img src={brand.logo} alt="" className="brand__logo" /> : <BrandIcon />}
            {brand.appName}
          </Link>
          <nav aria-label="Main">
            <ul className="site-nav">
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} className="site-nav__link">
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <PresenterSwitches />
        </div>
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
