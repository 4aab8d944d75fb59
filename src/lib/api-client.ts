/**
 * A small typed client for the relying party's JSON API (same origin, cookie session).
 * Every failure becomes an `ApiError` with the HTTP status and the contract's error code, so
 * the UI can map it to a sentence (see error-messages.ts) without ever showing raw text.
 */
import type { ErrorBody } from '../shared/error-codes';
import type { CeremonyReport } from '../shared/schemas';

/** Code used when the request never got an answer (offline, DNS, server down). */
export const NETWORK_ERROR = 'network_error';
/** Code used when the answer was not the contract's JSON (for example an HTML error page). */
export const UNEXPECTED_RESPONSE = 'unexpected_response';

export class ApiError extends Error {
  /** HTTP status; 0 when there was no response at all. */
  readonly status: number;
  /** A code from src/shared/error-codes.ts, or NETWORK_ERROR / UNEXPECTED_RESPONSE. */
  readonly code: string;
  /** The ceremony report a refused verify call answers with beside `error` (docs/api.md). */
  readonly report: CeremonyReport | undefined;
  /** The place a 400 `invalid_request` names (`passkeyProfiles[0].keyRestrictions.aaGuids[2]`), when it names one. */
  readonly field: string | undefined;
  /** Why a refusal happened, when its code has reasons (`step_up_required`: a StepUpReason, src/shared/sign-in.ts). */
  readonly reason: string | undefined;

  constructor({
    status,
    code,
    message,
    report,
    field,
    reason,
  }: {
    status: number;
    code: string;
    message: string;
    report?: CeremonyReport | undefined;
    field?: string | undefined;
    reason?: string | undefined;
  }) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.report = report;
    this.field = field;
    this.reason = reason;
  }
}

/** A ceremony report's outline: enough to show it (the relying party builds it; see src/shared/report.ts). */
export function isCeremonyReport(value: unknown): value is CeremonyReport {
  if (typeof value !== 'object' || value === null) return false;
  const report = value as Partial<Record<keyof CeremonyReport, unknown>>;
  return (
    (report.ceremony === 'registration' || report.ceremony === 'authentication') &&
    Array.isArray(report.checks) &&
    typeof report.decoded === 'object' &&
    report.decoded !== null
  );
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

function readReason(error: object): string | undefined {
  const reason = (error as { reason?: unknown }).reason;
  return typeof reason === 'string' ? reason : undefined;
}

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = { method, credentials: 'same-origin', headers };
  if (body !== undefined) init.body = JSON.stringify(body);
  // Also on a body-less DELETE: some servers treat any state-changing request as having a body.
  if (method !== 'GET') headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError({ status: 0, code: NETWORK_ERROR, message: 'The server could not be reached.' });
  }

  if (response.status === 204) return undefined as T;

  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    payload = undefined;
  }

  if (!response.ok) {
    if (isErrorBody(payload)) {
      const report = (payload as { report?: unknown }).report;
      throw new ApiError({
        status: response.status,
        code: payload.error.code,
        message: payload.error.message,
        report: isCeremonyReport(report) ? report : undefined,
        field: typeof payload.error.field === 'string' ? payload.error.field : undefined,
        reason: readReason(payload.error),
      });
    }
    throw new ApiError({
      status: response.status,
      code: response.status >= 500 ? 'internal_error' : UNEXPECTED_RESPONSE,
      message: `The server answered ${response.status} without an error body.`,
    });
  }
  if (payload === undefined) {
    throw new ApiError({ status: response.status, code: UNEXPECTED_RESPONSE, message: 'The server answer was not JSON.' });
  }
  return payload as T;
}

export const apiClient = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: (path: string) => request<void>('DELETE', path),
};
