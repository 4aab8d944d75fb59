import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type ErrorBody, type ErrorCode, errorCodes } from '../../shared/error-codes.js';
import type { CeremonyReport } from '../../shared/schemas.js';

/** A refusal the client can act on; rendered as the contract's error body. */
export class RpError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly field?: string,
    /** The ceremony report, when a verify call refused (rendered beside `error`). */
    readonly report?: CeremonyReport,
  ) {
    super(message ?? errorCodes[code].message);
    this.name = 'RpError';
  }
}

/** The last resort when nothing else can be serialised: still the contract's shape. */
export const INTERNAL_ERROR_BODY = JSON.stringify({ error: { code: 'internal_error', message: errorCodes.internal_error.message } });

/** JSON text as the answer, with the headers set so far on `c` (c.json without its serialiser). */
export function jsonText(c: Context, text: string, status: number): Response {
  return c.body(text, status as ContentfulStatusCode, { 'content-type': 'application/json' });
}

/** `{ ...body, report }` as JSON text, the report's text made once already (CheckRun.requireEchoable). */
export function jsonWithReport(c: Context, body: Record<string, unknown>, reportJson: string): Response {
  return jsonText(c, `${JSON.stringify(body).slice(0, -1)},"report":${reportJson}}`, 200);
}

/**
 * The contract's error body. It never throws: a report that cannot be serialised (it echoes
 * what the client sent) is left out, and if even the bare error cannot be, the answer is a
 * constant internal_error body.
 */
export function errorResponse(c: Context, code: ErrorCode, message: string = errorCodes[code].message, field?: string, report?: CeremonyReport) {
  const error: ErrorBody['error'] = { code, message, ...(field ? { field } : {}) };
  const status = errorCodes[code].status as ContentfulStatusCode;
  for (const body of report ? [{ error, report }, { error }] : [{ error }]) {
    const text = serialise(body);
    if (text !== undefined) return jsonText(c, text, status);
  }
  return jsonText(c, INTERNAL_ERROR_BODY, errorCodes.internal_error.status);
}

/** JSON text, or undefined when the value cannot be serialised (too deep, a cycle, a BigInt). */
export function serialise(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/**
 * The answer to anything a handler threw: an RpError as its code, a Hono 4xx (a body that is
 * not JSON) as invalid_request, anything else as internal_error. It cannot throw itself, so
 * no error ever leaves without the contract's JSON body.
 */
export function answerError(c: Context, error: unknown): Response {
  try {
    if (error instanceof RpError) return errorResponse(c, error.code, error.message, error.field, error.report);
    // Hono raises HTTPException(400) for a body that is not valid JSON.
    if (error instanceof HTTPException && error.status < 500) return errorResponse(c, 'invalid_request', 'The request body is not valid JSON.');
    logUnexpected(error);
    return errorResponse(c, 'internal_error');
  } catch {
    return new Response(INTERNAL_ERROR_BODY, { status: errorCodes.internal_error.status, headers: { 'content-type': 'application/json' } });
  }
}

function logUnexpected(error: unknown): void {
  try {
    console.error('[relying party] unexpected error', error);
  } catch {
    // Logging an odd value must not stop the answer.
  }
}

/**
 * Outermost middleware: Hono hands only Error objects to onError, so anything else thrown (a
 * string, null) would leave without an answer. This answers it like any other error.
 */
export const answerAnyThrow: MiddlewareHandler = async (c, next) => {
  try {
    await next();
  } catch (error) {
    c.res = answerError(c, error);
  }
};
