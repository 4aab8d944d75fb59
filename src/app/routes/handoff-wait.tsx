import { useParams } from 'react-router';
import { WithPresenterNotes } from '../../components/presenter-panel';
import { useDocumentTitle } from '../../components/use-document-title';
import { HandoffWait } from '../../features/handoff/components/handoff-wait';

/** /handoff/:id/wait: the computer shows the QR code and waits for the phone. */
function HandoffWaitPage() {
  useDocumentTitle('Continue on your phone');
  const { id = '' } = useParams();
  return (
    <WithPresenterNotes flow="cross-device">
      <div className="stack handoff-page">
        <HandoffWait key={id} id={id} />
      </div>
    </WithPresenterNotes>
  );
}

export { HandoffWaitPage as Component };
