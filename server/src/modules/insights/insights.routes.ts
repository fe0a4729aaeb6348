import { Router } from 'express';
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
import type { Deps } from '../../deps.js';
import { requireActor } from '../auth/auth.middleware.js';
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
import { TrialParam } from '../../contracts/common.js';

const ReportQuery = z.object({
  reflection: z
    .union([z.string().max(100), z.array(z.string().max(100)).max(100)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
});

/** Mounted at /api/trials/:trialId: the trial's measures, decisions, exports, report and publication. */
export function trialInsightsRoutes(deps: Deps): Router {
  const r = Router({ mergeParams: true });
  r.get('/insights', async (req, res) => {
    const actor = requireActor(req);
    const { trialId } = TrialParam.parse(req.params);
    const insights = await getTrialInsights(deps, actor, trialId, InsightsQuery.parse(req.query));
    res.json(TrialInsightsResponse.parse({ insights }));
  });
  r.get('/decisions', async (req, res) => {
    const actor = requireActor(req);
    const { trialId } = TrialParam.parse(req.params);
    res.json(TrialDecisionList.parse({ decisions: await listDecisions(deps, actor, trialId) }));
  });
  r.post('/decisions', async (req, res) => {
    const actor = requireActor(req);
    const { trialId } = TrialParam.parse(req.params);
    const decision = await createDecision(deps, actor, trialId, CreateDecisionRequest.parse(req.body));
    res.status(201).json(TrialDecisionResponse.parse({ decision }));
  });
  // Exports are POST: a download is something a person asks for (and the audit trail records as trial.exported),
  // never a side effect of a GET that a prefetch, a link preview or a retry can repeat.
  r.post('/export.json', async (req, res) => {
    const actor = requireActor(req);
    const { trialId } = TrialParam.parse(req.params);
    const data = TrialExport.parse(await exportTrial(deps, actor, trialId, InsightsQuery.parse(req.query), 'json'));
    if (data.suppressed) res.setHeader('X-Suppressed', withheldFieldsOf(data).join(', '));
    res.setHeader('Content-Disposition', attachment(`proevehandling-${fileSlug(data.trial.title)}-${copenhagenDate(deps.now())}.json`));
    res.json(data);
  });
  r.post('/export.csv', async (req, res) => {
    const actor = requireActor(req);
    const { trialId } = TrialParam.parse(req.params);
    const data = await exportTrial(deps, actor, trialId, InsightsQuery.parse(req.query), 'csv');
    if (data.suppressed) res.setHeader('X-Suppressed', withheldFieldsOf(data).join(', '));
    res.setHeader('Content-Disposition', attachment(`proevehandling-${fileSlug(data.trial.title)}-${copenhagenDate(deps.now())}.csv`));
    res.type('text/csv; charset=utf-8').send(trialExportCsv(data));
  });
  r.get('/report', async (req, res) => {
    const actor = requireActor(req);
    const { trialId } = TrialParam.parse(req.params);
    const { reflection } = ReportQuery.parse(req.query);
    const html = renderReport(await reportData(deps, actor, trialId, reflection));
    res.type('text/html; charset=utf-8').send(html);
  });
  r.post('/publication', async (req, res) => {
    const actor = requireActor(req);
    const { trialId } = TrialParam.parse(req.params);
    const { published } = PublicationRequest.parse(req.body);
    res.json(PublicationResponse.parse(await setPublication(deps, actor, trialId, published)));
  });
  return r;
}

/** Mounted at /api/insights: the board across trials, for the digital unit. */
export function boardRoutes(deps: Deps): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    const actor = requireActor(req);
    res.json(BoardResponse.parse({ board: await getBoard(deps, actor, BoardQuery.parse(req.query)) }));
  });
  r.get('/export.csv', async (req, res) => {
    const actor = requireActor(req);
    const board = await getBoard(deps, actor, BoardQuery.parse(req.query));
    res.setHeader('Content-Disposition', attachment(`proevehandlinger-oversigt-${copenhagenDate(deps.now())}.csv`));
    res.type('text/csv; charset=utf-8').send(boardCsv(board));
  });
  return r;
}

/** Mounted at /api/public, before the session: the public AI register needs no sign-in. */
export function publicRoutes(deps: Deps): Router {
  const r = Router();
  r.get('/register', async (_req, res) => {
    res.json(PublicRegister.parse(await publicRegister(deps)));
  });
  // The same entries in two external standards, as files to hand to those registers.
  r.get('/register/:standard.json', async (req, res) => {
    const { standard } = z.object({ standard: z.enum(['algoritmeregister', 'atrs']) }).parse(req.params);
    const entries = await registerStandardEntries(deps, `${req.protocol}://${req.get('host')}/ai-register`);
    res.setHeader('Content-Disposition', attachment(`ai-register-${standard}-${copenhagenDate(deps.now())}.json`));
    res.json(standard === 'atrs' ? { standard: 'ATRS v3.0', records: entries.atrs } : { standard: 'Algoritmeregister 1.0.0', entries: entries.algoritmeregister });
  });
  return r;
}
