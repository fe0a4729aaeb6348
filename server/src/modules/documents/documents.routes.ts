import { Router } from 'express';
import { z } from 'zod';
import { DocumentList, DocumentUploadResponse, SearchQuery, SearchResponse } from '../../contracts/documents.js';
import type { Deps } from '../../deps.js';
import { requireActor } from '../auth/auth.middleware.js';
import { requireFile, singleFileUpload } from '../files/files.service.js';
import { registerJobHandler } from '../jobs/jobs.service.js';
import { deleteDocument, indexDocumentJob, listDocuments, searchDocuments, uploadDocument } from './documents.service.js';
import { TrialParam } from '../../contracts/common.js';

const DocumentParam = TrialParam.extend({ id: z.string().min(1).max(100) });

/** Mounted at /api/trials/:trialId/documents. */
export function documentsRoutes(deps: Deps): Router {
  registerJobHandler('INDEXING', indexDocumentJob);
  const r = Router({ mergeParams: true });
  r.get('/', async (req, res) => {
    const { trialId } = TrialParam.parse(req.params);
    res.json(DocumentList.parse({ documents: await listDocuments(deps, requireActor(req), trialId) }));
  });
  r.get('/search', async (req, res) => {
    const { trialId } = TrialParam.parse(req.params);
    const { q, limit } = SearchQuery.parse(req.query);
    res.json(SearchResponse.parse({ results: await searchDocuments(deps, requireActor(req), trialId, q, limit) }));
  });
  r.post(
    '/',
    (req, _res, next) => {
      // Signed in before the body is read: nobody else makes the server parse files.
      requireActor(req);
      next();
    },
    singleFileUpload(deps.config.uploadMaxBytes),
    async (req, res) => {
      const { trialId } = TrialParam.parse(req.params);
      const uploaded = await uploadDocument(deps, requireActor(req), trialId, requireFile(req));
      res.status(202).json(DocumentUploadResponse.parse(uploaded));
    },
  );
  r.delete('/:id', async (req, res) => {
    const { trialId, id } = DocumentParam.parse(req.params);
    await deleteDocument(deps, requireActor(req), trialId, id);
    res.status(204).end();
  });
  return r;
}
