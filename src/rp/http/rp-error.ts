import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { errorCodes, type ErrorBody, type ErrorCode } from '../../shared/error-codes.js';
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

export function errorResponse(c: Context, code: ErrorCode, message: string = errorCodes[code].message, field?: string, report?: CeremonyReport) {
  const body: ErrorBody & { report?: CeremonyReport } = { error: { code, message, ...(field ? { field } : {}) }, ...(report ? { report } : {}) };
  return c.json(body, errorCodes[code].status as ContentfulStatusCode);
}
