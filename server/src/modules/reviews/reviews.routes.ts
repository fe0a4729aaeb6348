import { Router } from 'express';
import { DOCX_MEDIA_TYPE, FinalTextResponse, ReviewRequest, ReviewResponse, RunList, RunListQuery } from '../../contracts/reviews.js';
import type { Deps } from '../../deps.js';
import { requireActor } from '../auth/auth.middleware.js';
import { exportFinalDocx, exportFinalText, getFinalText, listRuns, reviewRun } from './reviews.service.js';
import { IdParam } from '../../contracts/common.js';


/** Mounted at /api/runs, after the runs routes (which own POST / and GET /:id). */
export function reviewsRoutes(deps: Deps): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    const actor = requireActor(req);
    res.json(RunList.parse(await listRuns(deps, actor, RunListQuery.parse(req.query))));
  });
  r.post('/:id/reviews', async (req, res) => {
    const actor = requireActor(req);
    const { id } = IdParam.parse(req.params);
    const result = await reviewRun(deps, actor, id, ReviewRequest.parse(req.body));
    res.status(201).json(ReviewResponse.parse(result));
  });
  r.get('/:id/final', async (req, res) => {
    const actor = requireActor(req);
    const final = await getFinalText(deps, actor, IdParam.parse(req.params).id);
    res.json(FinalTextResponse.parse({ final }));
  });
  // Copying (or downloading) the approved text: the one request that is audited as an export.
  r.post('/:id/final/export', async (req, res) => {
    const actor = requireActor(req);
    const final = await exportFinalText(deps, actor, IdParam.parse(req.params).id);
    res.json(FinalTextResponse.parse({ final }));
  });
  // The same export as a Word document. A POST like the copy, so only a person's click downloads it.
  r.post('/:id/final/export.docx', async (req, res) => {
    const actor = requireActor(req);
    const { file, fileName } = await exportFinalDocx(deps, actor, IdParam.parse(req.params).id);
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    res.type(DOCX_MEDIA_TYPE).send(file);
  });
  return r;
}
