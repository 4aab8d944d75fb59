/**
 * Adding a passkey late asks for a step-up (docs/entra-2026.md, "Registration needs a recent
 * strong sign-in"). A running server's clock cannot be moved from a test, so this spec starts
 * its own lab (the built SPA, an in-memory database) with RECENT_SIGN_IN_SECONDS=8 — the
 * documented way to shorten Entra's 5 minutes for tests — and really waits those seconds.
 * After the step-up, swapping authenticators and asking for options must fit in the window:
 * about a second here, so 8 s leaves room on a loaded 2-core machine.
 * The rule itself, at 5 minutes, is tested with an injected clock (test/rp/recent-sign-in.test.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { expect, securityKey, test as base } from './fixtures';

const WINDOW_SECONDS = 8;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, 'localhost', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntilUp(origin: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the step-up lab exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the step-up lab did not answer at ${origin}`);
}

const test = base.extend<Record<never, never>, { stepUpLab: string }>({
  stepUpLab: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const port = await freePort();
      const origin = `http://localhost:${port}`;
      // Node itself with tsx's loader: one process, so that kill() ends the lab (npx would leave it running).
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/rp/server.ts'], {
        env: { ...process.env, PORT: String(port), DATABASE_PATH: ':memory:', RP_ORIGINS: origin, RECENT_SIGN_IN_SECONDS: String(WINDOW_SECONDS) },
        stdio: 'ignore',
      });
      try {
        await waitUntilUp(origin, child);
        await use(origin);
      } finally {
        child.kill();
      }
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  baseURL: async ({ stepUpLab }, use) => use(stepUpLab),
});

test('a passkey added after the window asks to verify with a passkey first, then adds it', async ({ page, passkeyUser, accountPage, authenticators, authenticator, rp }) => {
  test.setTimeout(45_000);
  const signedInAt = Date.parse((await rp.session())!.signedInAt);
  await accountPage.open();
  await expect(accountPage.passkeys).toHaveCount(1);
  // Past the window (measured from the server's own sign-in time).
  await page.waitForTimeout(Math.max(0, signedInAt + WINDOW_SECONDS * 1000 + 300 - Date.now()));

  await accountPage.addPasskey();
  const stepUp = page.getByRole('region', { name: 'Confirm it’s you first' });
  await expect(stepUp).toBeVisible();
  await expect(stepUp).toContainText('needs a sign-in within the last 5 minutes');
  await expect(page.getByRole('heading', { name: 'Confirm it’s you first' })).toBeFocused();
  expect(await rp.credentials()).toHaveLength(1);

  await stepUp.getByRole('button', { name: 'Verify with a passkey' }).click();
  await expect(stepUp.getByRole('status')).toHaveText('Verified. You can add the passkey now.');
  const session = (await rp.session())!;
  expect(Date.parse(session.signedInAt)).toBeGreaterThan(signedInAt);
  expect(session).toMatchObject({ method: 'passkey', userVerified: true, user: { username: passkeyUser.username } });

  // The new passkey goes on a security key (the first authenticator already holds one for this account).
  await authenticators.remove(authenticator);
  const key = await authenticators.add(securityKey);
  const added = authenticators.nextCredentialAdded(key);
  await stepUp.getByRole('button', { name: 'Continue adding the passkey' }).click();
  await added;
  await expect(accountPage.passkeys).toHaveCount(2);
  await expect(stepUp).toBeHidden();
});
