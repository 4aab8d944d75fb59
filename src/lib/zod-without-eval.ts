/**
 * Zod compiles object parsers with `new Function` when it may, and finds out by trying once.
 * The lab's Content-Security-Policy has no 'unsafe-eval', so that probe is refused and
 * reported as a CSP violation (harmlessly, but on every admin page). Zod's `jitless` setting
 * skips both. It is set here without importing Zod (which would pull Zod into the entry
 * chunk): Zod keeps its global settings in `globalThis.__zod_globalConfig` and adopts an
 * object already there, so this works whether it runs before or after Zod loads. The SPA's
 * entry imports it first; the relying party in Node is not affected.
 */
const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> };
holder.__zod_globalConfig ??= {};
holder.__zod_globalConfig.jitless = true;

export {};
