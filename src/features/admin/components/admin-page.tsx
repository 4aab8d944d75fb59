import '../admin.css';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorAlert } from '../../../components/alert';
import { useDocumentTitle } from '../../../components/use-document-title';
import { describeError } from '../../../lib/error-messages';
import { paths } from '../../../lib/paths';
import { isNotSignedIn, useSession } from '../../../lib/session';
import { isForbidden } from '../admin-errors';
import { AdminErrorAlert } from './admin-error-alert';
import { AdminNav } from './admin-nav';
import { NotAdminNotice } from './not-admin-notice';

export interface AdminPageProps {
  /** The page's h1 and tab title. */
  title: string;
  /** One or two sentences under the heading. */
  intro?: ReactNode;
  children: ReactNode;
}

/**
 * The frame of every admin screen: heading, the admin links, and the content for a tenant
 * admin only. Signed out: off to sign-in (and back). Signed in but not an admin: says so.
 */
export function AdminPage({ title, intro, children }: AdminPageProps) {
  useDocumentTitle(title);
  const session = useSession();
  const location = useLocation();
  if (session.isError && isNotSignedIn(session.error)) {
    return <Navigate to={paths.signIn.getHref(`${location.pathname}${location.search}`)} replace />;
  }
  const isAdmin = session.data?.isAdmin === true;
  return (
    <>
      {isAdmin && <AdminNav />}
      <h1>{title}</h1>
      {/* A failed background refetch keeps the page (and any form being edited) on screen. */}
      {!session.data ? (
        session.isError ? (
          <ErrorAlert message={describeError(session.error)} />
        ) : (
          <p>Loading…</p>
        )
      ) : !isAdmin ? (
        <NotAdminNotice username={session.data.user.username} />
      ) : (
        <>
          {intro && <div className="lead">{intro}</div>}
          {children}
        </>
      )}
    </>
  );
}

/**
 * Renders a query's data, or "Loading…", or its error (a 403 from the API means the session
 * lost its admin role meanwhile: the same notice as above).
 */
export function AdminQuery<T>({ query, what, children }: { query: UseQueryResult<T>; what: string; children: (data: T) => ReactNode }) {
  // Data from before a failed background refetch stays on screen (a form being edited is kept).
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.isError) return isForbidden(query.error) ? <NotAdminNotice /> : <AdminErrorAlert error={query.error} />;
  return <p className="muted">Loading {what}…</p>;
}
