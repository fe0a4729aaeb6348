import { Router } from 'express';
import { ComplianceApprovalRequest, ComplianceDocumentResponse, ComplianceKind, ComplianceList } from '../../contracts/compliance.js';
import { DOCX_MEDIA_TYPE } from '../../contracts/reviews.js';
import type { Deps } from '../../deps.js';
import { requireActor } from '../auth/auth.middleware.js';
import { approveCompliance, exportComplianceDocx, listCompliance } from './compliance.service.js';
import { TrialParam } from '../../contracts/common.js';

const KindParam = TrialParam.extend({ kind: ComplianceKind });

/** Mounted at /api/trials/:trialId/compliance: the trial's GDPR and AI Act drafts, their sign-off and Word files. */
export function complianceRoutes(deps: Deps): Router {
  const r = Router({ mergeParams: true });
  r.get('/', async (req, res) => {
    const { trialId } = TrialParam.parse(req.params);
    res.json(ComplianceList.parse(await listCompliance(deps, requireActor(req), trialId)));
  });
  r.post('/:kind/approval', async (req, res) => {
    const { trialId, kind } = KindParam.parse(req.params);
    const document = await approveCompliance(deps, requireActor(req), trialId, kind, ComplianceApprovalRequest.parse(req.body));
    res.status(201).json(ComplianceDocumentResponse.parse({ document }));
  });
  r.post('/:kind/export.docx', async (req, res) => {
    const { trialId, kind } = KindParam.parse(req.params);
    const { file, fileName } = await exportComplianceDocx(deps, requireActor(req), trialId, kind);
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    res.type(DOCX_MEDIA_TYPE).send(file);
  });
  return r;
}
