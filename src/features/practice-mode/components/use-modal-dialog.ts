import { useEffect, useRef } from 'react';

/**
 * Opens a native <dialog> as a modal (the page behind is inert, Escape fires "cancel"), puts
 * focus on its `[data-autofocus]` element, and, when it goes away, puts focus back where it was
 * if nothing else took it. (showModal() alone would focus the first focusable element, which in
 * Chromium is the scrolling list itself, not a control.)
 */
export function useModalDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) element.showModal();
    element?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      element?.close();
      const focus = document.activeElement;
      if (before?.isConnected && (!focus || focus === document.body)) before.focus();
    };
  }, []);
  return dialog;
}
