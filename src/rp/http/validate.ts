import { zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import { RpError } from './rp-error.js';

/** A 400 invalid_request naming the first offending field: `<field>: <message>`. */
function invalidRequest(issues: readonly z.core.$ZodIssue[], what: string): RpError {
  const issue = issues[0];
  // An unknown key (strict schemas) is named by the key itself, not by the object holding it.
  const path = issue?.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys.slice(0, 1)] : (issue?.path ?? []);
  const field = path.join('.') || undefined;
  const message = field ? `${field}: ${issue?.message ?? 'is not valid'}` : `The ${what} is not valid.`;
  return new RpError('invalid_request', message, field);
}

/** Validates the JSON body; a failure names the first offending field in a 400 invalid_request. */
export function validJson<T extends z.ZodType>(schema: T) {
  return zValidator('json', schema, (result) => {
    if (!result.success) throw invalidRequest(result.error.issues, 'request body');
  });
}

/** Validates the query string the same way (a repeated parameter counts once, as c.req.query() reads it). */
export function validQuery<T extends z.ZodType>(schema: T) {
  return validator('query', (_value, c): z.output<T> => {
    const parsed = schema.safeParse(c.req.query());
    if (!parsed.success) throw invalidRequest(parsed.error.issues, 'query');
    return parsed.data;
  });
}

/**
 * The body as JSON, for a route whose own parser names the fields (the passkey policy's PATCH
 * and preview, src/shared/policy.ts): malformed JSON is a 400 invalid_request, not a 500.
 */
export async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new RpError('invalid_request', 'The request body is not valid JSON.');
  }
}
