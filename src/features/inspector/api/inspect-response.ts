import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { InspectResult } from '../../../shared/decoded';

export interface InspectRequest {
  /** A response object, or text: JSON, or one bare base64url part. */
  input: Record<string, unknown> | string;
}

/** POST /api/inspect: decodes what was pasted; undecodable input is a 400 invalid_request naming the part. */
export function inspectResponse(body: InspectRequest): Promise<InspectResult> {
  return apiClient.post<InspectResult>('/api/inspect', body);
}

/** Decoding is an action the person starts ("Decode"), so a mutation. */
export function useInspectResponse() {
  return useMutation({ mutationFn: inspectResponse });
}
