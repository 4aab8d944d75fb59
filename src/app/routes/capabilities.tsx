import { Link } from 'react-router';
import { useDocumentTitle } from '../../components/use-document-title';
import { CapabilityTable } from '../../features/capabilities/components/capability-table';
import { paths } from '../../lib/paths';

/** /capabilities: what this browser can do with passkeys, in plain words. */
function CapabilitiesPage() {
  useDocumentTitle('What this browser can do');
  return (
    <>
      <h1>What this browser can do</h1>
      <p className="lead">
        Passkeys keep gaining features, and browsers add them at different speeds. This is what this browser says about
        itself (through <code>PublicKeyCredential.getClientCapabilities()</code>) and what the page could check directly.
        “Unknown” means the browser does not report it.
      </p>
      <CapabilityTable />
      <section className="card stack-sm" aria-labelledby="try-heading">
        <h2 id="try-heading">Try them</h2>
        <ul className="tight-list">
          <li>
            <Link to={paths.prf.getHref()}>Encrypt a note with your passkey</Link> (PRF): a key only your passkey can give
            back.
          </li>
          <li>
            <Link to={paths.inspector.getHref()}>Ceremony inspector</Link>: see every check the server made, and decode a
            response.
          </li>
        </ul>
      </section>
    </>
  );
}

export { CapabilitiesPage as Component };
