import { useEffect } from 'react';
import { branding } from '../lib/branding';

/** Sets the tab title ("Sign in · Passkey Lab", with the organisation's app name) so each page is announced by name. */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    const app = branding().appName;
    document.title = title ? `${title} · ${app}` : app;
  }, [title]);
}
