import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { describeError } from '../../../lib/error-messages';
import { paths } from '../../../lib/paths';
import type { CreateHandoffRequest } from '../../../shared/schemas';
import { useCreateHandoff } from '../api/create-handoff';

export interface UseMyPhoneProps {
  /** The hand-off to create, or null when the form is not ready (the caller shows why). */
  getRequest: () => CreateHandoffRequest | null;
  /** Called when the person starts (to clear earlier messages). */
  onStart?: () => void;
}

/**
 * "Use my phone": creates a hand-off bound to this browser and opens the waiting page with its
 * QR code. The lab's own two-device flow, for when the browser's QR code (hybrid) is not an option.
 */
export function UseMyPhone({ getRequest, onStart }: UseMyPhoneProps) {
  const createHandoff = useCreateHandoff();
  const navigate = useNavigate();

  function onClick() {
    onStart?.();
    const request = getRequest();
    if (!request) return;
    createHandoff.mutate(request, {
      onSuccess: ({ handoff }) => navigate(paths.handoffWait.getHref(handoff.id)),
    });
  }

  return (
    <div className="stack-sm">
      {createHandoff.isError && <ErrorAlert message={describeError(createHandoff.error)} />}
      <div className="actions">
        <Button variant="secondary" busy={createHandoff.isPending} onClick={onClick}>
          Use my phone
        </Button>
      </div>
    </div>
  );
}
