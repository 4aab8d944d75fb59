import { useEffect, useRef } from 'react';

/**
 * Opens a native <dialog> as a modal (focus moves in, the page behind is inert, Escape fires
 * "cancel") and, when it goes away, puts focus back where it was if nothing else took it.
 */
export function useModalDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) element.showModal();
    return () => {
      element?.close();
      const focus = document.activeElement;
      if (before?.isConnected && (!focus || focus === document.body)) before.focus();
    };
  }, []);
  return dialog;
}
