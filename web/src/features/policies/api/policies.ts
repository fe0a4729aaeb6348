import { PolicyList, PolicyResponse, type PreviewRequest, PreviewResponse } from '@contracts/policies.js';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';

/** Policies are files reviewed like code and change with a deployment, so a few minutes' cache is safe. */
const STALE_MS = 5 * 60_000;

export const policiesQueryKey = ['policies'] as const;
export const policyQueryKey = (id: string) => ['policies', 'detail', id] as const;

const policyPath = (id: string) => `/api/policies/${encodeURIComponent(id)}`;

export function usePolicies() {
  return useQuery({
    queryKey: policiesQueryKey,
    queryFn: ({ signal }) => apiRequest('/api/policies', PolicyList, { signal }),
    staleTime: STALE_MS,
  });
}

const policyQuery = (id: string) => ({
  queryKey: policyQueryKey(id),
  queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest(policyPath(id), PolicyResponse, { signal }),
  staleTime: STALE_MS,
});

export function usePolicy(id: string) {
  return useQuery(policyQuery(id));
}


export type PreviewInput = z.input<typeof PreviewRequest>;

/**
 * "Vis hvad der sendes": the server runs the guard and the policy on the text and answers with the decision.
 * A mutation, not a query: the text must never end up in a cache key, and nothing is stored on the server.
 */
export function usePreviewPolicy(policyId: string) {
  return useMutation({
    mutationFn: (input: PreviewInput) =>
      apiRequest(`${policyPath(policyId)}/preview`, PreviewResponse, { method: 'POST', body: input }),
  });
}
