import { PolicyResponse, PreviewResponse, type AssistantId } from '@contracts/policies.js';
import { TrialList } from '@contracts/trials.js';
import { useMutation, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch, apiRequest } from '../../../lib/api-client';

/** The trial as the list shows it (there is no single-trial endpoint yet); the same cache key as the list page. */
export function useTrial(trialId: string) {
  return useQuery({
    queryKey: ['trials'],
    queryFn: ({ signal }) => apiRequest('/api/trials', TrialList, { signal }),
    select: (list) => list.trials.find((t) => t.id === trialId) ?? null,
  });
}

export function useTrialPolicy(policyId: string | undefined) {
  return useQuery({
    queryKey: ['policies', 'detail', policyId],
    queryFn: ({ signal }) => apiRequest(`/api/policies/${encodeURIComponent(policyId!)}`, PolicyResponse, { signal }),
    enabled: !!policyId,
    staleTime: 5 * 60_000,
  });
}

/** "Se hvad der sendes": a mutation, so the text never becomes a cache key; the server stores nothing. */
export function useSentPreview(policyId: string) {
  return useMutation({
    mutationFn: (input: { text: string; assistant: AssistantId }) =>
      apiRequest(`/api/policies/${encodeURIComponent(policyId)}/preview`, PreviewResponse, { method: 'POST', body: input }),
  });
}

export const ExtractResponse = z.object({ text: z.string(), filename: z.string(), kind: z.string(), chars: z.number() });
export type ExtractResponse = z.infer<typeof ExtractResponse>;

/** "Hent tekst fra fil": the server reads the file's text (DOCX, PDF, VTT ...) and keeps nothing. */
export function useExtractText() {
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file);
      const res = await apiFetch('/api/files/extract', { body: form });
      return ExtractResponse.parse(await res.json());
    },
  });
}
