import { defineConfig } from 'vitest/config';

/**
 * Unit and relying-party tests. They run in Node (no browser, no port): the RP tests drive
 * the Hono app with `app.request()` and a software authenticator (test/soft-authenticator.ts).
 * Browser tests live in e2e/ and run with Playwright, never here.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    restoreMocks: true,
  },
});
