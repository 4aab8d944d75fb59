import { useLayoutEffect, useRef } from 'react';
import { NavLink, useLocation } from 'react-router';
import { paths } from '../../../lib/paths';

const items = [
  { to: paths.admin.getHref(), label: 'Users and groups' },
  { to: paths.adminPolicy.getHref(), label: 'Passkey policy' },
  { to: paths.adminAaguids.getHref(), label: 'AAGUID inventory' },
  { to: paths.adminTap.getHref(), label: 'Temporary Access Pass' },
  { to: paths.adminConditionalAccess.getHref(), label: 'Conditional access' },
  { to: paths.adminSignInLog.getHref(), label: 'Sign-in log' },
  { to: paths.adminRollout.getHref(), label: 'Rollout timeline' },
  { to: paths.adminDashboard.getHref(), label: 'Rollout dashboard' },
  { to: paths.adminRecovery.getHref(), label: 'Recovery drill' },
];

/**
 * The admin screens, one link each; the current one is marked with aria-current="page". Where the
 * list scrolls sideways (a phone), the current link is brought to the middle of the row, without
 * scrolling the page itself.
 */
export function AdminNav() {
  const list = useRef<HTMLUListElement>(null);
  const { pathname } = useLocation();
  useLayoutEffect(() => {
    const row = list.current;
    const current = row?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!row || !current || row.scrollWidth <= row.clientWidth) return;
    row.scrollLeft = current.offsetLeft - row.offsetLeft - (row.clientWidth - current.offsetWidth) / 2;
  }, [pathname]);
  return (
    <nav aria-label="Tenant administration" className="admin-nav">
      <ul ref={list}>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end className="admin-nav__link">
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
