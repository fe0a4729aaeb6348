import { DocumentList, type DocumentView, DocumentUploadResponse } from '@contracts/documents.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, apiRequest } from '../../../lib/api-client';
import { trialPath } from './trial';

const documentsPath = (trialId: string) => `${trialPath(trialId)}/documents`;
const documentsQueryKey = (trialId: string) => ['trials', 'documents', trialId] as const;

/** Indexing runs as a background job; while a document is on its way the list is asked again this often. */
export const DOCUMENTS_POLL_MS = 1000;

const inProgress = (d: DocumentView) => d.status === 'UPLOADED' || d.status === 'INDEXING';

/** The trial's knowledge base; it keeps asking while a document is still being made searchable. */
export function useDocuments(trialId: string) {
  return useQuery({
    queryKey: documentsQueryKey(trialId),
    queryFn: ({ signal }) => apiRequest(documentsPath(trialId), DocumentList, { signal }),
    refetchInterval: (query) => (query.state.data?.documents.some(inProgress) ? DOCUMENTS_POLL_MS : false),
  });
}

/** Multipart like the letter assistant's file extraction: the browser sets the boundary, so no Content-Type. */
export function useUploadDocument(trialId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file);
      const res = await apiFetch(documentsPath(trialId), { body: form });
      return DocumentUploadResponse.parse(await res.json());
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: documentsQueryKey(trialId) }),
  });
}

export function useDeleteDocument(trialId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (documentId: string) =>
      apiRequest(`${documentsPath(trialId)}/${encodeURIComponent(documentId)}`, null, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: documentsQueryKey(trialId) }),
  });
}
