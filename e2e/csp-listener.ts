import type { BrowserContext, Page } from '@playwright/test';

/**
 * Collects Content-Security-Policy violations in every page of a context: the document's
 * `securitypolicyviolation` events (reported to the console by an init script, which the CSP
 * does not govern) and Chromium's own "Refused to …" console errors.
 */
export async function listenForCspViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`),
    );
  });
  const watch = (page: Page) =>
    page.on('console', (message) => {
      const text = message.text();
      if (/CSP violation|Content Security Policy|Refused to/i.test(text)) violations.push(`${page.url()}: ${text}`);
    });
  context.pages().forEach(watch);
  context.on('page', watch);
  return violations;
}
