import fs from 'node:fs';
import { chromium, defineConfig, devices } from '@playwright/test';

/** The e2e server's port. WebAuthn needs a secure context: always `localhost`, never 127.0.0.1. */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const ORIGIN = `http://localhost:${PORT}`;

/**
 * Playwright's own Chromium when `npx playwright install chromium` has run, otherwise Debian's
 * (`apt-get install chromium`): the same config works on both kinds of machine.
 */
const executablePath = fs.existsSync(chromium.executablePath()) ? undefined : '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  // Specs are independent (unique usernames, their own browser contexts: the hand-off specs
  // open a second one, the `phone` fixture), so they share one server and one in-memory
  // database safely.
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: 'list',
  timeout: 20_000,
  expect: { timeout: 5_000 },
  use: {
    ...devices['Desktop Chrome'],
    baseURL: ORIGIN,
    headless: true,
    // Recording a trace for every test costs ~20% of the suite's time on 2 cores: on CI only.
    // Locally: `npx playwright test --trace on e2e/<spec>.ts` to debug one spec.
    trace: process.env.CI ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    // Build the SPA once, then one Node process serves dist/ and /api.
    command: 'npm run build && npm run serve',
    // index.html answers 200 once the server is up (/api/session would answer 401).
    url: `${ORIGIN}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      DATABASE_PATH: ':memory:',
      RP_ORIGINS: ORIGIN,
    },
  },
});
