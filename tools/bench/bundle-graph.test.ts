/**
 * Page weight, checked without a build: what an end user's page loads is the SPA entry's static
 * import graph plus its route module's (routes are lazy chunks, src/app/router.tsx). Neither may
 * reach admin-only code: zod and the policy schemas (an 89 KB chunk once loaded on /account), or
 * the admin feature. Type-only imports are erased by the build and not followed.
 * tools/bench/page-weight.ts measures the real transfer in Chromium.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const ROUTES = path.join(ROOT, 'src/app/routes');
const END_USER_ROUTES = fs
  .readdirSync(ROUTES)
  .filter((file) => file.endsWith('.tsx') && !file.startsWith('admin'))
  .map((file) => path.join(ROUTES, file));

/** Bare packages and source files that only admin pages may load. */
const ADMIN_ONLY = [/^zod(?:\/|$)/, /^@hono\/zod-validator/, /^src\/shared\/(?:policy|policy-export|tenant)\.ts$/, /^src\/features\/admin\//];

const IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:([\w*{}\s,$]+?)\s+from\s+)?['"]([^'"]+)['"]/gm;

/** The runtime (non-type) static imports of a source file. */
export function runtimeImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(IMPORT)) {
    const [, typeOnly, clause, specifier] = match;
    if (typeOnly) continue;
    // `import { type A, type B } from` names only types.
    const names = clause?.trim().match(/^\{([^}]*)\}$/)?.[1];
    if (names !== undefined && names.trim() !== '' && names.split(',').every((name) => name.trim() === '' || name.trim().startsWith('type '))) continue;
    found.push(specifier!);
  }
  return found;
}

function resolve(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier.replace(/\.js$/, ''));
  return ['.ts', '.tsx', '/index.ts', '/index.tsx'].map((extension) => base + extension).find((candidate) => fs.existsSync(candidate));
}

/**
 * Every module (relative path) and bare package a file reaches through runtime static imports,
 * each with the module that first imported it (to show the chain when a test fails).
 */
function staticGraph(entry: string): Map<string, string | null> {
  const importer = new Map<string, string | null>();
  const queue: [string, string | null][] = [[entry, null]];
  while (queue.length) {
    const [file, from] = queue.pop()!;
    const key = path.relative(ROOT, file);
    if (importer.has(key)) continue;
    importer.set(key, from);
    for (const specifier of runtimeImports(fs.readFileSync(file, 'utf8'))) {
      const target = resolve(file, specifier);
      if (target) queue.push([target, key]);
      else if (!specifier.startsWith('.') && !importer.has(specifier)) importer.set(specifier, key);
    }
  }
  return importer;
}

function chain(graph: Map<string, string | null>, module: string): string {
  const steps = [module];
  for (let at = graph.get(module); at && steps.length < 50; at = graph.get(at)) steps.unshift(at);
  return steps.join(' → ');
}

describe('end-user pages load no admin-only code', () => {
  it('reads imports the way the build does', () => {
    expect(runtimeImports("import type { A } from './a';\nimport { type B } from './b';\nimport { c, type D } from './c';\nimport './d.css';\nexport { e } from './e';")).toEqual([
      './c',
      './d.css',
      './e',
    ]);
  });

  const entry = staticGraph(path.join(ROOT, 'src/main.tsx'));
  it.each(END_USER_ROUTES.map((route) => [path.basename(route, '.tsx'), route]))('%s', (_name, route) => {
    const loaded = new Map([...staticGraph(route), ...entry]);
    expect(loaded.size).toBeGreaterThan(10);
    const adminOnly = [...loaded.keys()].filter((module) => ADMIN_ONLY.some((pattern) => pattern.test(module))).map((module) => chain(loaded, module));
    // To fix: import only types from a module that uses zod (`import type`), or move what the
    // page needs at run time into a module without zod (as src/shared/step-up.ts).
    expect(adminOnly, 'an end-user page would load admin-only code (the chain of imports is shown)').toEqual([]);
  });
});
