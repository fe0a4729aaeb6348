import { ComplianceApprovalRequest, ComplianceDocumentResponse, ComplianceKind, ComplianceList } from '../../contracts/compliance.js';
import { DOCX_MEDIA_TYPE } from '../../contracts/reviews.js';
import { TrialParam } from '../../contracts/common.js';
import { route, routes } from '../../api.js';
import { approveCompliance, exportComplianceDocx, listCompliance } from './compliance.service.js';

const KindParam = TrialParam.extend({ kind: ComplianceKind });

/** Mounted at /api/trials/:trialId/compliance: the trial's GDPR and AI Act drafts, their sign-off and Word files. */
export const complianceRoutes = routes('/trials/:trialId/compliance', [
  route({
    method: 'GET',
    path: '/',
    operationId: 'listTrialCompliance',
    tag: 'compliance',
    summary: 'The compliance drafts of a trial: record of processing, DPIA, fundamental-rights assessment, disclosure, briefing record',
    description:
      'Drafted from the charter, the policy, the provider a run goes to and retention, in Danish. Each section says whether the workbench states it (true as long as the trial runs under it) or a person must write it. The fundamental-rights assessment (AI Act Art. 27) is drafted only for a trial marked possibly high-risk. Each draft has a version (the hash of its facts), the latest sign-off by the data protection adviser, whether that sign-off is outdated and what changed since.',
    access: { roles: 'any', rule: 'Administrators of the trial and the data protection adviser; to anyone else it does not exist (404).' },
    responses: { 200: { description: 'The drafts.', schema: ComplianceList } },
    errors: ['NOT_FOUND'],
    params: TrialParam,
    handle: ({ deps, actor, params }) => listCompliance(deps, actor, params.trialId),
  }),
  route({
    method: 'POST',
    path: '/:kind/approval',
    operationId: 'approveTrialCompliance',
    tag: 'compliance',
    summary: 'Sign off the current version of a compliance draft (data protection adviser)',
    description:
      'Audited as compliance.approved with the kind and the version. The body names the version the adviser read: a draft that changed since is refused with 409 COMPLIANCE_DRAFT_CHANGED.',
    access: { roles: 'any', rule: 'Only a person marked as the data protection adviser (403 NOT_DATA_PROTECTION_ADVISER otherwise).' },
    body: { kind: 'json', schema: ComplianceApprovalRequest },
    responses: { 201: { description: 'The draft with its sign-off.', schema: ComplianceDocumentResponse } },
    errors: ['NOT_FOUND', 'NOT_DATA_PROTECTION_ADVISER', 'COMPLIANCE_DRAFT_CHANGED'],
    params: KindParam,
    handle: async ({ deps, actor, params, body }) => ({ document: await approveCompliance(deps, actor, params.trialId, params.kind, body) }),
  }),
  route({
    method: 'POST',
    path: '/:kind/export.docx',
    operationId: 'exportTrialComplianceDocx',
    tag: 'compliance',
    summary: 'Download a compliance draft as a Word document (.docx)',
    description: 'The draft with its sections marked as stated by the workbench or to be written by a person, and its sign-off status and version in the footer. Audited as compliance.exported. No body.',
    access: { roles: 'any', rule: 'Administrators of the trial and the data protection adviser.' },
    responses: {
      200: { description: 'The Word document.', contentType: DOCX_MEDIA_TYPE, rawSchema: { type: 'string', contentMediaType: DOCX_MEDIA_TYPE } },
    },
    errors: ['NOT_FOUND'],
    params: KindParam,
    handle: async ({ deps, res, actor, params }) => {
      const { file, fileName } = await exportComplianceDocx(deps, actor, params.trialId, params.kind);
      res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
      res.type(DOCX_MEDIA_TYPE).send(file);
    },
  }),
]);
