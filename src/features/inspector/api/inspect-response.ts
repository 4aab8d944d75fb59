import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { InspectKind } from '../decoded-parts';

export interface InspectRequest {
  /** A response object, or text: JSON, or one bare base64url part. */
  input: Record<string, unknown> | string;
}

export interface Inspected {
  kind: InspectKind;
  decoded: Record<string, unknown>;
}

/** POST /api/inspect: decodes what was pasted; undecodable input is a 400 invalid_request naming the part. */
export function inspectResponse(body: InspectRequest): Promise<Inspected> {
  return apiClient.post<Inspected>('/api/inspect', body);
}

/** Decoding is an action the person starts ("Decode"), so a mutation. */
export function useInspectResponse() {
  return useMutation({ mutationFn: inspectResponse });
}
