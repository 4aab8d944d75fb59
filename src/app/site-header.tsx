import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { ErrorAlert } from '../components/alert';
import { BrandIcon } from '../components/brand-icon';
import { Button } from '../components/button';
import { PresenterSwitches } from '../components/presenter-switches';
import { branding } from '../lib/branding';
import { describeError, type ErrorMessage } from '../lib/error-messages';
import { paths } from '../lib/paths';
import { HeaderMenuExtras } from './header-menu-extras';

interface NavItem {
  to: string;
  label: string;
}

const signedOutItems: readonly NavItem[] = [
  { to: paths.register.getHref(), label: 'Register' },
  { to: paths.signIn.getHref(), label: 'Sign in' },
];

const everyoneItems: readonly NavItem[] = [
  { to: paths.account.getHref(), label: 'Your account' },
  { to: paths.inspector.getHref(), label: 'Inspector' },
  { to: paths.capabilities.getHref(), label: 'Capabilities' },
  { to: paths.sensitiveApp.getHref(), label: 'Sensitive app' },
];

/** Tenant administration: only for an admin's session (the API refuses everyone else anyway). */
const adminItem: NavItem = { to: paths.admin.getHref(), label: 'Admin' };

export interface SiteHeaderProps {
  /** The signed-in person, `null` when nobody is, `undefined` while the session is not known yet. */
  signedInAs: { username: string; isAdmin: boolean } | null | undefined;
  /** Ends the session; the header then goes to /sign-in. */
  onSignOut: () => Promise<void>;
}

function MenuIcon() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" width="20" height="20" className="menu-button__icon">
      <path d="M3 5h14M3 10h14M3 15h14" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The site header, phone first: the app's name and a "Menu" disclosure button (WAI-ARIA APG,
 * Disclosure pattern) on narrow screens, holding the navigation, who is signed in with "Sign out",
 * and the trainer's tools (presenter mode, then `HeaderMenuExtras`). On wide screens the
 * navigation and the signed-in state sit in the header row, and "Menu" holds only the tools.
 * Escape closes the menu and puts focus back on its button; so does following a link.
 */
export function SiteHeader({ signedInAs, onSignOut }: SiteHeaderProps) {
  const { pathname } = useLocation();
  /** The page the menu was opened on: on another page (a link in it was followed) it is closed. */
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<ErrorMessage | null>(null);
  const menuId = useId();
  const toolsId = useId();
  const header = useRef<HTMLDivElement>(null);
  /** Whichever "Menu" button opened the menu (the narrow or the wide one): focus returns there. */
  const opener = useRef<HTMLButtonElement | null>(null);
  const brand = branding();

  const close = useCallback((returnFocus: boolean) => {
    setOpenOn(null);
    if (returnFocus) opener.current?.focus();
  }, []);

  // A click or tap outside the header closes the menu (focus stays where the person put it).
  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (header.current && event.target instanceof Node && !header.current.contains(event.target)) setOpenOn(null);
    }
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function toggle(button: HTMLButtonElement) {
    opener.current = button;
    setOpenOn(open ? null : pathname);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      close(true);
    }
  }

  async function signOut() {
    if (signingOut) return;
    setSignOutError(null);
    setSigningOut(true);
    try {
      await onSignOut();
    } catch (error) {
      setSignOutError(describeError(error));
    } finally {
      setSigningOut(false);
    }
  }

  const items = [...(signedInAs ? [] : signedOutItems), ...everyoneItems, ...(signedInAs?.isAdmin ? [adminItem] : [])];

  return (
    <div className="container site-header__inner" ref={header} onKeyDown={onKeyDown}>
      <Link to={paths.home.getHref()} className="brand">
        {brand.logo ? <img src={brand.logo} alt="" className="brand__logo" /> : <BrandIcon />}
        <span className="brand__name">{brand.appName}</span>
      </Link>
      <button
        type="button"
        className="menu-button menu-button--narrow"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={(event) => toggle(event.currentTarget)}
      >
        <MenuIcon />
        Menu
      </button>
      <div id={menuId} className="site-menu" data-open={open}>
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
        {signedInAs && (
          <div className="site-account">
            <p className="site-account__who" title={`Signed in as ${signedInAs.username}`}>
              Signed in as <strong>{signedInAs.username}</strong>
            </p>
            <Button variant="secondary" className="site-account__sign-out" busy={signingOut} onClick={() => void signOut()}>
              Sign out
            </Button>
            {signOutError && <ErrorAlert message={signOutError} />}
          </div>
        )}
        <button
          type="button"
          className="menu-button menu-button--wide"
          aria-expanded={open}
          aria-controls={toolsId}
          onClick={(event) => toggle(event.currentTarget)}
        >
          <MenuIcon />
          Menu
        </button>
        <div id={toolsId} className="site-tools" data-open={open}>
          <PresenterSwitches />
          <HeaderMenuExtras />
        </div>
      </div>
    </div>
  );
}
