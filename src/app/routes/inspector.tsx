import { useDocumentTitle } from '../../components/use-document-title';
import { MetadataStatus } from '../../features/inspector/components/metadata-status';
import { RecentCeremonies } from '../../features/inspector/components/recent-ceremonies';
import { ResponseDecoder } from '../../features/inspector/components/response-decoder';

/** /inspector: this session's recent ceremonies with their reports, and the decoder. */
function InspectorPage() {
  useDocumentTitle('Ceremony inspector');
  return (
    <>
      <h1>Ceremony inspector</h1>
      <p className="lead">
        Every registration and sign-in in this tab, as the server checked it: what it asked, what came back, and which check
        passed or failed. Export one for a bug report; nothing secret is in it.
      </p>
      <RecentCeremonies />
      <ResponseDecoder />
      <MetadataStatus />
    </>
  );
}

export { InspectorPage as Component };
