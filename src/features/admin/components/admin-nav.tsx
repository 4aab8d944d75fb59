import { NavLink } from 'react-router';
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

/** The admin screens, one link each; the current one is marked with aria-current="page". */
export function AdminNav() {
  return (
    <nav aria-label="Tenant administration" className="admin-nav">
      <ul>
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
