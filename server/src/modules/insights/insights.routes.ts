import type { Response } from 'express';
import { z } from 'zod';
import {
  BoardQuery,
  BoardResponse,
  CreateDecisionRequest,
  InsightsQuery,
  PublicationRequest,
  PublicationResponse,
  PublicRegister,
  TrialDecisionList,
  TrialDecisionResponse,
  TrialExport,
  TrialInsightsResponse,
} from '../../contracts/insights.js';
import { TrialParam } from '../../contracts/common.js';
import type { SignedInAccess } from '../../lib/route.js';
import { DIGITAL_UNIT, publicRoute, route, routes } from '../../api.js';
import type { Deps } from '../../deps.js';
import { attachment, boardCsv, fileSlug, trialExportCsv } from './insights.csv.js';
import { copenhagenDate } from './insights.measures.js';
import { renderReport } from './insights.report.js';
import {
  createDecision,
  exportTrial,
  getBoard,
  getTrialInsights,
  listDecisions,
  publicRegister,
  registerStandardEntries,
  reportData,
  setPublication,
  withheldFieldsOf,
} from './insights.service.js';

/** The insights (review board) of one trial: for its administrators, to weigh the trial and decide on it. */
const INSIGHTS_ADMIN: SignedInAccess = {
  roles: ['LEADER', 'DIGITAL_UNIT'],
  rule: "Administrators of the trial: the leader of the trial's unit and the digital unit. A participant of a started trial gets 403; anyone else 404.",
};
const SUPPRESSION =
  'Numbers resting on fewer than 3 people, or about a group of 1-2 people ("nobody edited" among one person\'s drafts), are suppressed (vises ikke), so nobody can be recognised.';

const ReportQuery = z.object({
  reflection: z
    .union([z.string().max(100), z.array(z.string().max(100)).max(100)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
});
const StandardParam = z.object({ standard: z.enum(['algoritmeregister', 'atrs']) });

/** The trial's export as an attachment named after the trial and the day, with the withheld fields in X-Suppressed. */
async function sendTrialExport(deps: Deps, res: Response, data: TrialExport, format: 'json' | 'csv'): Promise<void> {
  if (data.suppressed) res.setHeader('X-Suppressed', withheldFieldsOf(data).join(', '));
  res.setHeader('Content-Disposition', attachment(`proevehandling-${fileSlug(data.trial.title)}-${copenhagenDate(deps.now())}.${format}`));
  if (format === 'json') res.json(data);
  else res.type('text/csv; charset=utf-8').send(trialExportCsv(data));
}

/** Mounted at /api/trials/:trialId: the trial's measures, decisions, exports, report and publication. */
export const trialInsightsRoutes = routes('/trials/:trialId', [
  route({
    method: 'GET',
    path: '/insights',
    operationId: 'getTrialInsights',
    tag: 'insights',
    summary: "A trial's measures for the review (erfaringer og tal)",
    description: `Participation, runs per week, review outcomes, edit size, minutes saved (tidsbesparelse), usefulness, failure types, would use again, guard findings, providers, reflections and decisions, for an optional period. ${SUPPRESSION}`,
    access: INSIGHTS_ADMIN,
    query: InsightsQuery,
    responses: { 200: { description: 'The measures.', schema: TrialInsightsResponse } },
    errors: ['FORBIDDEN', 'NOT_FOUND'],
    params: TrialParam,
    handle: async ({ deps, actor, params, query }) => ({ insights: await getTrialInsights(deps, actor, params.trialId, query) }),
  }),
  route({
    method: 'GET',
    path: '/decisions',
    operationId: 'listTrialDecisions',
    tag: 'insights',
    summary: 'The decisions on a trial (beslutning: indfør / justér / stop)',
    description: 'Every decision taken on the trial with its rationale, newest first.',
    access: { roles: 'any', rule: 'Administrators of the trial, and its participants once it has started; to anyone else it does not exist (404).' },
    responses: { 200: { description: 'The decisions.', schema: TrialDecisionList } },
    errors: ['NOT_FOUND'],
    params: TrialParam,
    handle: async ({ deps, actor, params }) => ({ decisions: await listDecisions(deps, actor, params.trialId) }),
  }),
  route({
    method: 'POST',
    path: '/decisions',
    operationId: 'createTrialDecision',
    tag: 'insights',
    summary: 'Decide on a trial: adopt, adjust or stop (indfør / justér / stop)',
    description:
      'Records the outcome with its rationale and evidence. Only a trial that has started can be decided on. The latest decision is the one the public AI register shows, so the same decision from the same person within 10 seconds (a double click, a retry) is refused with 409 DECISION_ALREADY_RECORDED instead of being recorded twice.',
    access: INSIGHTS_ADMIN,
    body: { kind: 'json', schema: CreateDecisionRequest },
    responses: { 201: { description: 'The decision.', schema: TrialDecisionResponse } },
    errors: ['FORBIDDEN', 'NOT_FOUND', 'TRIAL_NOT_STARTED', 'DECISION_ALREADY_RECORDED'],
    params: TrialParam,
    handle: async ({ deps, actor, params, body }) => ({ decision: await createDecision(deps, actor, params.trialId, body) }),
  }),
  // Exports are POST: a download is something a person asks for (and the audit trail records as trial.exported),
  // never a side effect of a GET that a prefetch, a link preview or a retry can repeat.
  route({
    method: 'POST',
    path: '/export.json',
    operationId: 'exportTrialJson',
    tag: 'insights',
    summary: "Export a trial's runs and experience logs as JSON",
    description:
      'A download a person asks for: each call is recorded in the audit trail as trial.exported (with the format, the number of rows and whether anything was withheld), so it is a POST, never a GET a prefetch could repeat. The period is given in the query as for the overview. One row per run: metadata and the experience log, never content. Participants are pseudonyms (P1, P2, ...). Each assistant\'s runs in the period count for themselves: a field resting on fewer than 3 people (as the board counts them) is null in every row of that assistant and named in the row\'s `withheld`; with fewer than 3 people behind an assistant\'s runs only the assistant is left of each row. When anything is withheld, `suppressed` holds a Danish note and the header X-Suppressed lists the withheld fields. Sent as an attachment (Content-Disposition).',
    access: INSIGHTS_ADMIN,
    query: InsightsQuery,
    responses: { 200: { description: 'The export.', schema: TrialExport } },
    errors: ['FORBIDDEN', 'NOT_FOUND'],
    params: TrialParam,
    handle: async ({ deps, res, actor, params, query }) => sendTrialExport(deps, res, TrialExport.parse(await exportTrial(deps, actor, params.trialId, query, 'json')), 'json'),
  }),
  route({
    method: 'POST',
    path: '/export.csv',
    operationId: 'exportTrialCsv',
    tag: 'insights',
    summary: "Export a trial's runs and experience logs as CSV",
    description:
      'The rows of the JSON export as CSV (UTF-8, for spreadsheets), sent as an attachment and audited as trial.exported like the JSON export. A withheld field reads "skjult (færre end 3 personer)", and a last row "Bemærk: ..." says why; X-Suppressed lists the withheld fields.',
    access: INSIGHTS_ADMIN,
    query: InsightsQuery,
    responses: { 200: { description: 'The CSV file, one row per run.', contentType: 'text/csv', rawSchema: { type: 'string' } } },
    errors: ['FORBIDDEN', 'NOT_FOUND'],
    params: TrialParam,
    handle: async ({ deps, res, actor, params, query }) => sendTrialExport(deps, res, await exportTrial(deps, actor, params.trialId, query, 'csv'), 'csv'),
  }),
  route({
    method: 'GET',
    path: '/report',
    operationId: 'getTrialReport',
    tag: 'insights',
    summary: 'A printable report (rapport) of the trial',
    description: `A self-contained HTML page with the charter, the measures and the decisions, for the review meeting or to print as PDF. ${SUPPRESSION}`,
    access: INSIGHTS_ADMIN,
    queryParameters: [
      {
        name: 'reflection',
        required: false,
        description: 'Ids of the reflections to quote in the report; repeat the parameter for more than one (at most 100).',
        schema: { anyOf: [{ type: 'string', maxLength: 100 }, { type: 'array', items: { type: 'string', maxLength: 100 }, maxItems: 100 }] },
      },
    ],
    responses: { 200: { description: 'The report.', contentType: 'text/html', rawSchema: { type: 'string' } } },
    errors: ['FORBIDDEN', 'NOT_FOUND'],
    params: TrialParam,
    handle: async ({ deps, req, res, actor, params }) => {
      const { reflection } = ReportQuery.parse(req.query);
      res.type('text/html; charset=utf-8').send(renderReport(await reportData(deps, actor, params.trialId, reflection)));
    },
  }),
  route({
    method: 'POST',
    path: '/publication',
    operationId: 'setTrialPublication',
    tag: 'insights',
    summary: 'Publish the trial in the public AI register (AI-register), or withdraw it',
    description: 'A published trial appears in GET /api/public/register with its purpose, policy in plain Danish, human oversight and decision.',
    access: INSIGHTS_ADMIN,
    body: { kind: 'json', schema: PublicationRequest },
    responses: { 200: { description: 'Whether the trial is published now.', schema: PublicationResponse } },
    errors: ['FORBIDDEN', 'NOT_FOUND', 'TRIAL_NOT_STARTED'],
    params: TrialParam,
    handle: ({ deps, actor, params, body }) => setPublication(deps, actor, params.trialId, body.published),
  }),
]);

/** Mounted at /api/insights: the board across trials, for the digital unit. */
export const boardRoutes = routes('/insights', [
  route({
    method: 'GET',
    path: '/',
    operationId: 'getBoard',
    tag: 'insights',
    summary: 'The review board (overblik) across trials and assistants',
    description: `The key measures of every trial and every assistant side by side, filtered by unit, assistant and period, with each trial's latest decision. ${SUPPRESSION}`,
    access: DIGITAL_UNIT,
    query: BoardQuery,
    responses: { 200: { description: 'The board.', schema: BoardResponse } },
    errors: ['FORBIDDEN'],
    handle: async ({ deps, actor, query }) => ({ board: await getBoard(deps, actor, query) }),
  }),
  route({
    method: 'GET',
    path: '/export.csv',
    operationId: 'exportBoardCsv',
    tag: 'insights',
    summary: 'The review board as CSV',
    description: 'The rows of the board (trials and assistants) as CSV (UTF-8), with the same filters, sent as an attachment.',
    access: DIGITAL_UNIT,
    query: BoardQuery,
    responses: { 200: { description: 'The CSV file.', contentType: 'text/csv', rawSchema: { type: 'string' } } },
    errors: ['FORBIDDEN'],
    handle: async ({ deps, res, actor, query }) => {
      const board = await getBoard(deps, actor, query);
      res.setHeader('Content-Disposition', attachment(`proevehandlinger-oversigt-${copenhagenDate(deps.now())}.csv`));
      res.type('text/csv; charset=utf-8').send(boardCsv(board));
    },
  }),
]);

/** Mounted at /api/public, before the session: the public AI register needs no sign-in. */
export const publicRoutes = routes('/public', [
  publicRoute({
    method: 'GET',
    path: '/register',
    operationId: 'getPublicRegister',
    tag: 'insights',
    summary: "The public AI register (AI-register) of the organisation's trials",
    description: 'The published trials: purpose, unit, assistants, period, what the policy allows and forbids in plain Danish, how people oversee the assistant, and the decision. No personal data.',
    responses: { 200: { description: 'The register.', schema: PublicRegister } },
    errors: [],
    handle: ({ deps }) => publicRegister(deps),
  }),
  // The same entries in two external standards, as files to hand to those registers.
  publicRoute({
    method: 'GET',
    path: '/register/:standard.json',
    operationId: 'getPublicRegisterInStandard',
    tag: 'insights',
    summary: 'The public AI register in an external standard: the Dutch Algoritmeregister (1.0.0) or a UK algorithmic transparency record (ATRS v3.0)',
    description:
      '`standard` is `algoritmeregister` or `atrs`. The same published trials and facts as the register, laid out field for field in the standard, in Danish; each entry lists in `missingFields` what the facts cannot fill (legal basis, impact assessments, data sources, owner ...), for a person to write before submitting. Sent as an attachment.',
    responses: { 200: { description: 'The entries.', contentType: 'application/json', rawSchema: { type: 'object' } } },
    errors: ['VALIDATION_FAILED'],
    params: StandardParam,
    handle: async ({ deps, req, res, params: { standard } }) => {
      const entries = await registerStandardEntries(deps, `${req.protocol}://${req.get('host')}/ai-register`);
      res.setHeader('Content-Disposition', attachment(`ai-register-${standard}-${copenhagenDate(deps.now())}.json`));
      res.json(standard === 'atrs' ? { standard: 'ATRS v3.0', records: entries.atrs } : { standard: 'Algoritmeregister 1.0.0', entries: entries.algoritmeregister });
    },
  }),
]);
