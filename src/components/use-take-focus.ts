import { useEffect, useRef } from 'react';

/**
 * The one pattern for an action's outcome (a result or an error): it appears next to the
 * control that started the action, is a live region (role="alert" or "status"), and takes
 * keyboard focus when it appears, scrolled only as far as needed to be seen. On a phone the
 * person sees what happened without scrolling, and the next Tab continues from there.
 *
 * Focus moves once, when the element mounts with `enabled`: render each outcome anew (the
 * previous one unmounts when a new action starts) or give it a new `key`.
 */
export function useTakeFocus<T extends HTMLElement>(enabled = true) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element) return;
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: 'nearest' });
  }, [enabled]);
  return ref;
}
