import { createBrowserRouter, RouterProvider } from 'react-router';
import { startPracticeModeIfChosen } from '../features/practice-mode/practice-mode';
import { usePracticeMode } from '../features/practice-mode/practice-store';
import { paths } from '../lib/paths';
import { signOut } from '../lib/sign-out';
import { Layout } from './layout';
import { RouteError } from './route-error';

/**
 * The layout, given the operations its header offers on every page. Keyed by practice mode's
 * epoch: turning a simulated device on or off renders the page again, so that it asks the new
 * navigator.credentials (support checks, a pending autofill request) instead of the old one.
 */
function RootLayout() {
  const { epoch } = usePracticeMode();
  return <Layout key={epoch} signOut={signOut} />;
}

/** Every page is its own lazily loaded chunk; only the layout ships with the entry. */
const router = createBrowserRouter([
  {
    Component: RootLayout,
    ErrorBoundary: RouteError,
    // A simulated device this tab chose before is in place before any page runs (practice mode).
    loader: startPracticeModeIfChosen,
    shouldRevalidate: () => false,
    // Rendered while the first page's chunk loads: nothing, so there is no flash of text.
    HydrateFallback: () => null,
    children: [
      { path: paths.home.path, lazy: () => import('./routes/home') },
      { path: paths.register.path, lazy: () => import('./routes/register') },
      { path: paths.signIn.path, lazy: () => import('./routes/sign-in') },
      { path: paths.account.path, lazy: () => import('./routes/account') },
      { path: paths.inspector.path, lazy: () => import('./routes/inspector') },
      { path: paths.capabilities.path, lazy: () => import('./routes/capabilities') },
      { path: paths.prf.path, lazy: () => import('./routes/prf') },
      { path: paths.handoffCode.path, lazy: () => import('./routes/handoff-code') },
      { path: paths.handoff.path, lazy: () => import('./routes/handoff') },
      { path: paths.handoffWait.path, lazy: () => import('./routes/handoff-wait') },
      { path: paths.sensitiveApp.path, lazy: () => import('./routes/sensitive-app') },
      { path: paths.admin.path, lazy: () => import('./routes/admin') },
      { path: paths.adminPolicy.path, lazy: () => import('./routes/admin-policy') },
      { path: paths.adminAaguids.path, lazy: () => import('./routes/admin-aaguids') },
      { path: paths.adminTap.path, lazy: () => import('./routes/admin-tap') },
      { path: paths.adminConditionalAccess.path, lazy: () => import('./routes/admin-conditional-access') },
      { path: paths.adminSignInLog.path, lazy: () => import('./routes/admin-sign-in-log') },
      { path: paths.adminRollout.path, lazy: () => import('./routes/admin-rollout') },
      { path: paths.adminDashboard.path, lazy: () => import('./routes/admin-dashboard') },
      { path: paths.adminRecovery.path, lazy: () => import('./routes/admin-recovery') },
      { path: '*', lazy: () => import('./routes/not-found') },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
