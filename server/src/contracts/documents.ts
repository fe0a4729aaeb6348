import { z } from 'zod';

export const DocumentStatus = z.enum(['UPLOADED', 'INDEXING', 'READY', 'FAILED', 'PURGED']);

/** A knowledge-base document as listed: no text, only what describes it. */
export const DocumentView = z.object({
  id: z.string(),
  trialId: z.string(),
  filename: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  status: DocumentStatus,
  chars: z.number().int().nonnegative().nullable(),
  chunks: z.number().int().nonnegative(),
  errorCode: z.string().nullable(),
  createdAt: z.string(),
  retainUntil: z.string().nullable(),
});
export type DocumentView = z.infer<typeof DocumentView>;

export const DocumentList = z.object({ documents: z.array(DocumentView) });
export type DocumentList = z.infer<typeof DocumentList>;

export const DocumentResponse = z.object({ document: DocumentView });
export type DocumentResponse = z.infer<typeof DocumentResponse>;

/** 202 on upload: the document is stored and its indexing job queued; follow it at GET /api/jobs/:jobId. */
export const DocumentUploadResponse = z.object({ document: DocumentView, jobId: z.string() });
export type DocumentUploadResponse = z.infer<typeof DocumentUploadResponse>;

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(1000),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});

/** One passage of a document, with where it lies in the document's text. */
export const SearchResult = z.object({
  documentId: z.string(),
  filename: z.string(),
  heading: z.string().nullable(),
  quote: z.string(),
  startChar: z.number().int().nonnegative(),
  endChar: z.number().int().nonnegative(),
  score: z.number(),
});
export const SearchResponse = z.object({ results: z.array(SearchResult) });
export type SearchResponse = z.infer<typeof SearchResponse>;

/** What the documents assistant puts in a run's details. */
export const Citation = z.object({
  n: z.number().int().positive(),
  documentId: z.string(),
  filename: z.string(),
  heading: z.string().nullable(),
  quote: z.string(),
  startChar: z.number().int().nonnegative(),
  endChar: z.number().int().nonnegative(),
  score: z.number(),
});
export type Citation = z.infer<typeof Citation>;

export const DocumentsRunDetails = z.object({
  answered: z.boolean(),
  reason: z.enum(['answered', 'no_documents', 'not_found', 'all_refused']).optional(),
  citations: z.array(Citation),
  engine: z.string().optional(),
  /** Quotes in a language model's answer that were not word for word in the source they cited: removed from the draft. */
  removedQuotes: z.number().int().nonnegative().optional(),
});
export type DocumentsRunDetails = z.infer<typeof DocumentsRunDetails>;
