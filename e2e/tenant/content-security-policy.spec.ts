/** The admin pages (zod, the policy forms) run under the Content-Security-Policy without a violation. */
import { listenForCspViolations } from '../csp-listener';
import { expect, test } from './fixtures';

test('every admin page loads without CSP violations', async ({ admin }) => {
  const violations = await listenForCspViolations(admin.page.context());
  for (const path of ['/admin', '/admin/policy', '/admin/aaguids', '/admin/temporary-access-pass', '/admin/conditional-access', '/admin/sign-in-log', '/apps/sensitive']) {
    await admin.page.goto(path);
    await admin.page.waitForLoadState('networkidle');
    await expect(admin.page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  expect(violations).toEqual([]);
});
