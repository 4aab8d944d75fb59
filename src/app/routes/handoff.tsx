import { useParams } from 'react-router';
import { useDocumentTitle } from '../../components/use-document-title';
import { HandoffPhone } from '../../features/handoff/components/handoff-phone';

/** /handoff/:id: the page the QR code opens on the phone. */
function HandoffPage() {
  useDocumentTitle('Approve on your phone');
  const { id = '' } = useParams();
  return (
    <div className="stack handoff-page">
      <HandoffPhone key={id} id={id} />
    </div>
  );
}

export { HandoffPage as Component };
