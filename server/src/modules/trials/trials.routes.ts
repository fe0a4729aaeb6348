import { Router } from 'express';
import {
  AcknowledgeBriefingRequest,
  BriefingResponse,
  CreateTrialRequest,
  SetParticipantsRequest,
  TransitionRequest,
  TrialList,
  TrialResponse,
  TrialRevisionList,
  UpdateTrialRequest,
} from '../../contracts/trials.js';
import type { Deps } from '../../deps.js';
import { requireActor } from '../auth/auth.middleware.js';
import {
  acknowledgeBriefing,
  confirmPolicy,
  createTrial,
  getBriefing,
  getTrial,
  listRevisions,
  listTrials,
  setParticipants,
  transitionTrial,
  updateTrial,
} from './trials.service.js';
import { IdParam } from '../../contracts/common.js';


/** Mounted at /api/trials (documents and minutes add their own paths under /api/trials/:trialId). */
export function trialsRoutes(deps: Deps): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    res.json(TrialList.parse({ trials: await listTrials(deps, requireActor(req)) }));
  });
  r.post('/', async (req, res) => {
    const actor = requireActor(req);
    const trial = await createTrial(deps, actor, CreateTrialRequest.parse(req.body));
    res.status(201).json(TrialResponse.parse({ trial }));
  });
  r.get('/:id', async (req, res) => {
    const actor = requireActor(req);
    const { id } = IdParam.parse(req.params);
    res.json(TrialResponse.parse({ trial: await getTrial(deps, actor, id) }));
  });
  r.patch('/:id', async (req, res) => {
    const actor = requireActor(req);
    const { id } = IdParam.parse(req.params);
    res.json(TrialResponse.parse({ trial: await updateTrial(deps, actor, id, UpdateTrialRequest.parse(req.body)) }));
  });
  r.post('/:id/status', async (req, res) => {
    const actor = requireActor(req);
    const { id } = IdParam.parse(req.params);
    res.json(TrialResponse.parse({ trial: await transitionTrial(deps, actor, id, TransitionRequest.parse(req.body)) }));
  });
  r.put('/:id/participants', async (req, res) => {
    const actor = requireActor(req);
    const { id } = IdParam.parse(req.params);
    res.json(TrialResponse.parse({ trial: await setParticipants(deps, actor, id, SetParticipantsRequest.parse(req.body)) }));
  });
  r.get('/:id/revisions', async (req, res) => {
    const actor = requireActor(req);
    const { id } = IdParam.parse(req.params);
    res.json(TrialRevisionList.parse({ revisions: await listRevisions(deps, actor, id) }));
  });
  r.get('/:id/briefing', async (req, res) => {
    const actor = requireActor(req);
    const { id } = IdParam.parse(req.params);
    res.json(BriefingResponse.parse({ briefing: await getBriefing(deps, actor, id) }));
  });
  r.post('/:id/briefing/acknowledge', async (req, res) => {
    const actor = requireActor(req);
    const { id } = IdParam.parse(req.params);
    const briefing = await acknowledgeBriefing(deps, actor, id, AcknowledgeBriefingRequest.parse(req.body));
    res.json(BriefingResponse.parse({ briefing }));
  });
  r.post('/:id/policy/confirm', async (req, res) => {
    const actor = requireActor(req);
    const { id } = IdParam.parse(req.params);
    res.json(TrialResponse.parse({ trial: await confirmPolicy(deps, actor, id) }));
  });
  return r;
}
