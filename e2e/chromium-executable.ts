import fs from 'node:fs';
import { chromium } from '@playwright/test';

/** Debian's headless-only Chromium (`apt-get install chromium-headless-shell`), the same version as `chromium`. */
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/**
 * Which Chromium to launch: Playwright's own when `npx playwright install chromium` has run
 * (undefined: Playwright picks it, and its own headless shell for headless runs), otherwise
 * Debian's — `chromium-headless-shell` for headless runs when installed, else `chromium`. The
 * same code works on every kind of machine. Used by playwright.config.ts and the guide generator.
 *
 * Why the headless shell: `chromium --headless` is the full browser without a screen, and every
 * browser context (each test, each `phone`) opens a whole browser window, with the address bar's
 * WebUI pop-ups in two extra renderer processes: ~1-3 s of CPU per context on 2 cores, most of a
 * short test. The headless shell opens just the page (measured: new context + page + close
 * 2.1-2.4 s → 0.4-0.7 s, under load). Same Blink, same CDP WebAuthn domain.
 */
export function chromiumExecutable({ headed = false }: { headed?: boolean } = {}): string | undefined {
  if (fs.existsSync(chromium.executablePath())) return undefined;
  return !headed && fs.existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium';
}
