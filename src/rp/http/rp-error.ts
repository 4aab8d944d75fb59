import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { errorCodes, type ErrorBody, type ErrorCode } from '../../shared/error-codes.js';

/** A refusal the client can act on; rendered as the contract's error body. */
export class RpError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly field?: string,
  ) {
    super(message ?? errorCodes[code].message);
    this.name = 'RpError';
  }
}

export function errorResponse(c: Context, code: ErrorCode, message: string = errorCodes[code].message, field?: string) {
  const body: ErrorBody = { error: { code, message, ...(field ? { field } : {}) } };
  return c.json(body, errorCodes[code].status as ContentfulStatusCode);
}
