import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ErrorAlert } from '../components/alert';
import { branding } from '../lib/branding';
import { describeError } from '../lib/error-messages';
import { paths } from '../lib/paths';

/** Last-resort page when a route fails to load or render (for example a chunk went missing after a deploy). */
export function RouteError() {
  const error = useRouteError();
  const is404 = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main id="main" className="container main">
      <h1>{is404 ? 'Page not found' : 'This page could not be shown'}</h1>
      {!is404 && <ErrorAlert message={describeError(error)} />}
      <p>
        <Link to={paths.home.getHref()}>Go to the {branding().appName} home page</Link>
      </p>
    </main>
  );
}
