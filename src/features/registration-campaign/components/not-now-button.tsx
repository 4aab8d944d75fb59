import { Button } from '../../../components/button';

export interface NotNowButtonProps {
  busy: boolean;
  onClick: () => void;
}

/** The campaign's "Not now" (a snooze): shown only while snoozes are left. */
export function NotNowButton({ busy, onClick }: NotNowButtonProps) {
  return (
    <Button variant="secondary" busy={busy} onClick={onClick}>
      Not now
    </Button>
  );
}
