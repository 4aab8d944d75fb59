import { zValidator } from '@hono/zod-validator';
import type { z } from 'zod';
import { RpError } from './rp-error.js';

/** Validates the JSON body; a failure names the first offending field in a 400 invalid_request. */
export function validJson<T extends z.ZodType>(schema: T) {
  return zValidator('json', schema, (result) => {
    if (result.success) return;
    const issue = result.error.issues[0];
    // An unknown key (strict schemas) is named by the key itself, not by the object holding it.
    const path = issue?.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys.slice(0, 1)] : (issue?.path ?? []);
    const field = path.join('.') || undefined;
    const message = field ? `${field}: ${issue?.message ?? 'is not valid'}` : 'The request body is not valid.';
    throw new RpError('invalid_request', message, field);
  });
}
