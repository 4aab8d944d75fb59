import { Hono } from 'hono';
import { z } from 'zod';
import type { Env } from '../http/env.js';
import { jsonText, RpError, serialise } from '../http/rp-error.js';
import { validJson } from '../http/validate.js';
import { inspect } from '../inspect/inspect.js';
import type { AuthenticatorDirectory } from '../metadata/directory.js';
import { simulatorTrustAnchor } from '../simulator/ca.js';

/** Body of POST /api/inspect: a response object, its JSON text, or one base64url part. */
export const inspectRequestSchema = z.object({
  input: z.union([z.string().max(60000), z.record(z.string(), z.unknown())]),
});

/**
 * POST / → 200 `{ kind, decoded }` (see src/rp/inspect/inspect.ts); undecodable input → 400
 * invalid_request naming the part and field. Needs no session: it stores and looks up nothing.
 */
export function createInspectRoutes(directory?: AuthenticatorDirectory) {
  return new Hono<Env>().post('/', validJson(inspectRequestSchema), async (c) => {
    const { input } = c.req.valid('json');
    // Mounted without the lab's dependencies (a bare app), there is no simulator root to know.
    const deps = c.get('deps') as Env['Variables']['deps'] | undefined;
    const simulator = deps ? simulatorTrustAnchor(deps) : undefined;
    const result = await inspect(input, { ...(directory ? { directory } : {}), ...(simulator ? { simulator } : {}) });
    // The decoded input is echoed: input nested too deeply to serialise is the caller's 400, not a 500.
    const text = serialise(result);
    if (text === undefined) throw new RpError('invalid_request', 'The input nests objects or arrays too deeply to be shown.', 'input');
    return jsonText(c, text, 200);
  });
}
