import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { SignInLogEntry } from '../../../shared/tenant';

export interface SignInLogFilters {
  username?: string;
  ceremony?: string;
  /** `success`, `failure` or one error code. */
  result?: string;
}

export interface SignInLog {
  entries: SignInLogEntry[];
}

/** The query string for the filters that are set (empty ones are left out). */
export function signInLogSearch(filters: SignInLogFilters): string {
  const search = new URLSearchParams();
  for (const key of ['username', 'ceremony', 'result'] as const) {
    const value = filters[key]?.trim();
    if (value) search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** GET /api/admin/sign-in-log: newest first. */
export function getSignInLog(filters: SignInLogFilters = {}): Promise<SignInLog> {
  return apiClient.get<SignInLog>(`/api/admin/sign-in-log${signInLogSearch(filters)}`);
}

export function getSignInLogQueryOptions(filters: SignInLogFilters = {}) {
  return queryOptions({
    queryKey: ['admin', 'sign-in-log', signInLogSearch(filters)] as const,
    queryFn: () => getSignInLog(filters),
    staleTime: 0,
  });
}

export function useSignInLog(filters: SignInLogFilters) {
  // Keep the previous rows on screen while a new filter loads (no flash of "Loading…").
  return useQuery({ ...getSignInLogQueryOptions(filters), placeholderData: keepPreviousData });
}
