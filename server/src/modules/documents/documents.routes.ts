import { z } from 'zod';
import { DocumentList, DocumentUploadResponse, SearchQuery, SearchResponse } from '../../contracts/documents.js';
import { TrialParam } from '../../contracts/common.js';
import { ADMINISTER, FILE_FORMATS, FILE_REFUSALS, SEE_TRIAL, route, routes } from '../../api.js';
import { requireFile, singleFileUpload } from '../files/files.upload.service.js';
import { registerJobHandler } from '../jobs/jobs.service.js';
import { deleteDocument, indexDocumentJob, listDocuments, searchDocuments, uploadDocument } from './documents.service.js';

const DocumentParam = TrialParam.extend({ id: z.string().min(1).max(100) });

/** Mounted at /api/trials/:trialId/documents. Registers the INDEXING job handler. */
export const documentsRoutes = routes(
  '/trials/:trialId/documents',
  [
    route({
      method: 'GET',
      path: '/',
      operationId: 'listDocuments',
      tag: 'documents',
      summary: "The trial's knowledge base (vidensbase)",
      description: 'The documents the document assistant may search, with their indexing status.',
      access: SEE_TRIAL,
      responses: { 200: { description: 'The documents.', schema: DocumentList } },
      errors: ['NOT_FOUND'],
      params: TrialParam,
      handle: async ({ deps, actor, params }) => ({ documents: await listDocuments(deps, actor, params.trialId) }),
    }),
    route({
      method: 'GET',
      path: '/search',
      operationId: 'searchDocuments',
      tag: 'documents',
      summary: 'Search the knowledge base',
      description: 'Hybrid (keyword and, where the policy allows embeddings, semantic) search over the indexed passages.',
      access: SEE_TRIAL,
      query: SearchQuery,
      responses: { 200: { description: 'The best passages with their documents.', schema: SearchResponse } },
      errors: ['NOT_FOUND'],
      params: TrialParam,
      handle: async ({ deps, actor, params, query }) => ({ results: await searchDocuments(deps, actor, params.trialId, query.q, query.limit) }),
    }),
    route({
      method: 'POST',
      path: '/',
      operationId: 'uploadDocument',
      tag: 'documents',
      summary: 'Add a document to the knowledge base',
      description: 'Stores the text and starts an indexing job; poll GET /api/jobs/{id}.',
      access: ADMINISTER,
      body: { kind: 'file', description: FILE_FORMATS },
      responses: { 202: { description: 'Stored; indexing has started.', schema: DocumentUploadResponse } },
      errors: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT', ...FILE_REFUSALS],
      // Signed in before the body is read (the kit checks before the middleware): nobody else makes the server parse files.
      middleware: (deps) => [singleFileUpload(deps.config.uploadMaxBytes)],
      params: TrialParam,
      handle: ({ deps, req, actor, params }) => uploadDocument(deps, actor, params.trialId, requireFile(req)),
    }),
    route({
      method: 'DELETE',
      path: '/:id',
      operationId: 'deleteDocument',
      tag: 'documents',
      summary: 'Remove a document from the knowledge base',
      description: 'Deletes the document, its text and its passages.',
      access: ADMINISTER,
      responses: { 204: { description: 'Deleted.' } },
      errors: ['FORBIDDEN', 'NOT_FOUND'],
      params: DocumentParam,
      handle: async ({ deps, res, actor, params }) => {
        await deleteDocument(deps, actor, params.trialId, params.id);
        res.status(204).end();
      },
    }),
  ],
  { setup: () => registerJobHandler('INDEXING', indexDocumentJob) },
);
