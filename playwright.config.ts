import { defineConfig, devices } from '@playwright/test';
import { chromiumExecutable } from './e2e/chromium-executable';
import { TENANT_ADMIN } from './e2e/tenant/tenant-admin';

/** The e2e server's port. WebAuthn needs a secure context: always `localhost`, never 127.0.0.1. */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const ORIGIN = `http://localhost:${PORT}`;
/**
 * A second server for the tenant specs (e2e/tenant/): they change the tenant-wide passkey
 * policy, which would disturb every other spec if they shared a database.
 */
const TENANT_PORT = PORT + 1;
const TENANT_ORIGIN = `http://localhost:${TENANT_PORT}`;

/**
 * A headed run (`--headed`, `--debug`, `--ui`, PWDEBUG) needs the full browser. Read here in the
 * runner and handed down through the environment to the workers, which load this file again.
 */
if (process.argv.some((arg) => arg === '--headed' || arg === '--debug' || arg.startsWith('--ui')) || process.env.PWDEBUG) {
  process.env.PASSKEY_LAB_E2E_HEADED = '1';
}
const headed = process.env.PASSKEY_LAB_E2E_HEADED === '1';
const executablePath = chromiumExecutable({ headed });

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
  projects: [
    { name: 'chromium', testIgnore: 'tenant/**' },
    // Signs the tenant's admin in once and saves the session (storage state) for the tenant specs.
    { name: 'tenant-setup', testDir: 'e2e/tenant', testMatch: 'admin.setup.ts', use: { baseURL: TENANT_ORIGIN } },
    // One worker: the tenant specs change tenant-wide settings, so they take turns (each restores them).
    { name: 'tenant', testDir: 'e2e/tenant', dependencies: ['tenant-setup'], workers: 1, use: { baseURL: TENANT_ORIGIN } },
    // The QA kit against its own example relying party (started by the spec), not the lab.
    { name: 'testkit-example', testDir: 'testkit/examples' },
  ],
  // Started one after the other: the first builds the SPA, the second only serves it.
  webServer: [
    {
      // Build the SPA once, then one Node process serves dist/ and /api.
      command: 'npm run build && npm run serve',
      // index.html answers 200 once the server is up (/api/session would answer 401).
      url: `${ORIGIN}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { PORT: String(PORT), DATABASE_PATH: ':memory:', RP_ORIGINS: ORIGIN },
    },
    {
      command: 'npm run serve',
      url: `${TENANT_ORIGIN}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { PORT: String(TENANT_PORT), DATABASE_PATH: ':memory:', RP_ORIGINS: TENANT_ORIGIN, ADMIN_USERNAMES: TENANT_ADMIN },
    },
  ],
});
