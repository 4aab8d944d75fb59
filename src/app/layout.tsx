import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigation } from 'react-router';
import { BrandIcon } from '../components/brand-icon';
import { paths } from '../lib/paths';

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
];

export function Layout() {
  const navigation = useNavigation();
  useFocusHeadingOnNavigate();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <Link to={paths.home.getHref()} className="brand">
            <BrandIcon />
            Passkey Lab
          </Link>
          <nav aria-label="Main">
            <ul className="site-nav">
              {navItems.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} className="site-nav__link">
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        {navigation.state === 'loading' && <div className="progress" aria-hidden="true" />}
      </header>
      <main id="main" tabIndex={-1} className="container main">
        <Outlet />
      </main>
      <footer className="site-footer container">
        <p>Passkey Lab is a demo. Its relying party verifies every passkey for real, but do not store anything important here.</p>
      </footer>
    </>
  );
}
