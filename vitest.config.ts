import { defineConfig } from 'vitest/config';

/**
 * Unit and relying-party tests. They run in Node (no browser, no port): the RP tests drive
 * the Hono app with `app.request()` and a software authenticator (test/soft-authenticator.ts).
 * Browser tests live in e2e/ and run with Playwright; the one exception is the trainer kit's
 * guide generator (tools/guide/guide.test.ts), which drives its own Chromium.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts', 'tools/**/*.test.ts', 'testkit/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    restoreMocks: true,
  },
});
