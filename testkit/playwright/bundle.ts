/**
 * The page side of the kit (page-entry.ts with the browser layer and the core) as one classic
 * script for `addInitScript`: an IIFE built by esbuild, once per test process (workers each build
 * their own; it takes a few tens of milliseconds).
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

let bundled: Promise<string> | undefined;

export function simulatorInitScript(): Promise<string> {
  bundled ??= build({
    entryPoints: [fileURLToPath(new URL('./page-entry.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    // Browsers Playwright drives today; WebCrypto and async functions are native there.
    target: ['chrome110', 'firefox110', 'safari16'],
    write: false,
    minify: false,
    legalComments: 'none',
  }).then((result) => result.outputFiles[0]!.text);
  bundled.catch(() => (bundled = undefined));
  return bundled;
}
