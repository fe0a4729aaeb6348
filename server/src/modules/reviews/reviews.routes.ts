import { DOCX_MEDIA_TYPE, FinalTextResponse, ReviewRequest, ReviewResponse, RunList, RunListQuery } from '../../contracts/reviews.js';
import { IdParam } from '../../contracts/common.js';
import { RUN_VISIBLE, SIGNED_IN, route, routes } from '../../api.js';
import { exportFinalDocx, exportFinalText, getFinalText, listRuns, reviewRun } from './reviews.service.js';

/** Mounted at /api/runs beside the runs routes (which own POST / and GET /:id). */
export const reviewsRoutes = routes('/runs', [
  route({
    method: 'GET',
    path: '/',
    operationId: 'listRuns',
    tag: 'reviews',
    summary: 'Runs the person may see, newest first',
    description: "Own runs and those of the trials the person administers; filter by trial, status, what awaits review (including a second approval), or only one's own. Paged with cursor. Each run says whether the viewer still owes its experience log; the summary counts what waits (own runs without an experience log, own runs waiting for a second approver, runs the viewer may approve as the second person) over every run in scope, whatever the view and page.",
    access: SIGNED_IN,
    query: RunListQuery,
    responses: { 200: { description: 'A page of runs.', schema: RunList } },
    errors: [],
    handle: ({ deps, actor, query }) => listRuns(deps, actor, query),
  }),
  route({
    method: 'POST',
    path: '/:id/reviews',
    operationId: 'reviewRun',
    tag: 'reviews',
    summary: 'Approve, edit and approve, or reject a draft (godkend / ret og godkend / afvis)',
    description:
      'The human decision on the draft (AI Act Art. 14). Where the policy asks for four eyes (fire øjne), the second approval must come from another person. With `step` (the step the page showed), a decision on a run that has moved on since (approved once in another tab or by a colleague) is refused with 409 RUN_ALREADY_DECIDED instead of being taken as the second approval.',
    access: RUN_VISIBLE,
    body: { kind: 'json', schema: ReviewRequest },
    responses: { 201: { description: 'The review and the new review state of the run.', schema: ReviewResponse } },
    errors: ['NOT_FOUND', 'RUN_ALREADY_DECIDED', 'FOUR_EYES_REQUIRED', 'CONTENT_PURGED'],
    params: IdParam,
    handle: ({ deps, actor, params, body }) => reviewRun(deps, actor, params.id, body),
  }),
  route({
    method: 'GET',
    path: '/:id/final',
    operationId: 'getFinalText',
    tag: 'reviews',
    summary: 'The approved final text, labelled as AI-generated',
    description:
      "To show, with the AI Act Art. 50 label (genereret med AI). Reading is not exporting: someone else's text is audited as run.viewed (once per look: repeated reads by the same person within 10 minutes, and the run's own page, are one view); the requester's own reading is not audited. Copying goes through POST /api/runs/{id}/final/export.",
    access: RUN_VISIBLE,
    responses: { 200: { description: 'The final text.', schema: FinalTextResponse } },
    errors: ['NOT_FOUND', 'RUN_NOT_APPROVED', 'CONTENT_PURGED'],
    params: IdParam,
    handle: async ({ deps, actor, params }) => ({ final: await getFinalText(deps, actor, params.id) }),
  }),
  route({
    method: 'POST',
    path: '/:id/final/export',
    operationId: 'exportFinalText',
    tag: 'reviews',
    summary: 'Copy (export) the approved final text, labelled as AI-generated',
    description:
      'The request the copy button makes before it writes to the clipboard: each call is recorded in the audit trail as run.exported, and answers the text and label that were recorded as exported. The Word download is POST /api/runs/{id}/final/export.docx. No body.',
    access: RUN_VISIBLE,
    responses: { 200: { description: 'The final text, as exported.', schema: FinalTextResponse } },
    errors: ['NOT_FOUND', 'RUN_NOT_APPROVED', 'CONTENT_PURGED'],
    // Copying (or downloading) the approved text: the one request that is audited as an export.
    params: IdParam,
    handle: async ({ deps, actor, params }) => ({ final: await exportFinalText(deps, actor, params.id) }),
  }),
  route({
    method: 'POST',
    path: '/:id/final/export.docx',
    operationId: 'exportFinalDocx',
    tag: 'reviews',
    summary: 'Download the approved final text as a Word document (.docx), labelled as AI-generated',
    description:
      "The same export as the copy (audited as run.exported, with format docx in the details, never the text), to whoever may copy it, and refused the same way while the run is not approved. The document has the organisation's name in its header, the approved text (minutes with their headings, lists and tables), and the policy's disclosure label in Danish as its closing line and in its footer; its properties name the organisation, never a person. Sent as an attachment named by kind and approval day (e.g. brev-2026-11-27.docx). No body.",
    access: RUN_VISIBLE,
    responses: {
      200: {
        description: 'The Word document.',
        contentType: DOCX_MEDIA_TYPE,
        rawSchema: { type: 'string', contentMediaType: DOCX_MEDIA_TYPE },
      },
    },
    errors: ['NOT_FOUND', 'RUN_NOT_APPROVED', 'CONTENT_PURGED'],
    // The same export as a Word document. A POST like the copy, so only a person's click downloads it.
    params: IdParam,
    handle: async ({ deps, res, actor, params }) => {
      const { file, fileName } = await exportFinalDocx(deps, actor, params.id);
      res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
      res.type(DOCX_MEDIA_TYPE).send(file);
    },
  }),
]);
