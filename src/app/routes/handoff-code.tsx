import { useDocumentTitle } from '../../components/use-document-title';
import { HandoffCodeForm } from '../../features/handoff/components/handoff-code-form';
import { WhyHybridIsSafer } from '../../features/handoff/components/why-hybrid-is-safer';

/** /handoff: the phone types the code shown on the computer. */
function HandoffCodePage() {
  useDocumentTitle('Open a hand-off');
  return (
    <div className="stack handoff-page">
      <h1>Open a hand-off</h1>
      <p className="lead">Cannot scan the QR code? Type the code shown under it on the computer.</p>
      <HandoffCodeForm />
      <WhyHybridIsSafer />
    </div>
  );
}

export { HandoffCodePage as Component };
