import { useEffect, useState } from 'react';

/**
 * When the hand-off expires, on this browser's clock. The server's `expiresAt` is on the
 * server's clock; a computer whose clock is off by minutes would count down wrongly, so the
 * deadline is "when this page first saw it + what was left then". What was left is trusted
 * from the timestamps only when they look sane (age between 0 and the lifetime); otherwise
 * the hand-off is taken as new. The server's status stays the final word (the page polls it).
 */
export function localDeadline(handoff: { createdAt: string; expiresAt: string }, firstSeenAt: number): number {
  const created = new Date(handoff.createdAt).getTime();
  const lifetime = new Date(handoff.expiresAt).getTime() - created;
  const age = firstSeenAt - created;
  return firstSeenAt + lifetime - (age >= 0 && age < lifetime ? age : 0);
}

/** Milliseconds left until `deadline` (epoch ms), updated every second; never below 0. */
export function useCountdown(deadline: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [deadline]);
  return Math.max(0, deadline - now);
}

/** 299_000 → "4:59". */
export function formatCountdown(ms: number): string {
  const total = Math.ceil(ms / 1_000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}
