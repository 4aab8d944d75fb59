import { useEffect } from 'react';

/** Sets the tab title ("Sign in · Passkey Lab") so each page is announced by name. */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Passkey Lab` : 'Passkey Lab';
  }, [title]);
}
