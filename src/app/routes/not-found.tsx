import { Link } from 'react-router';
import { useDocumentTitle } from '../../components/use-document-title';
import { paths } from '../../lib/paths';

function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved, or the link has a typo.</p>
      <ul>
        <li>
          <Link to={paths.home.getHref()}>Go to the home page</Link>
        </li>
        <li>
          <Link to={paths.signIn.getHref()}>Sign in</Link>
        </li>
      </ul>
    </>
  );
}

export { NotFoundPage as Component };
