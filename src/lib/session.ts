/**
 * The signed-in session: read by the layout, account, registration and sign-in, so it lives in
 * lib rather than in one feature. Everyone uses the same query key.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Session } from '../shared/schemas';
import { apiClient, ApiError } from './api-client';

export function getSession(): Promise<Session> {
  return apiClient.get<Session>('/api/session');
}

export const sessionQueryKey = ['session'] as const;

export function getSessionQueryOptions() {
  return queryOptions({
    queryKey: sessionQueryKey,
    queryFn: getSession,
    // A 401 that a route loader just fetched need not be asked again when the page mounts.
    retryOnMount: false,
  });
}

export function useSession() {
  return useQuery(getSessionQueryOptions());
}

export function isNotSignedIn(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}
