import { Router } from 'express';
import {
  BaselineList,
  BaselineRequest,
  BaselineResponse,
  ExperienceLogRequest,
  ExperienceLogResponse,
  ExperienceState,
  ReflectionList,
  ReflectionRequest,
  ReflectionResponse,
} from '../../contracts/experiences.js';
import type { Deps } from '../../deps.js';
import { requireActor } from '../auth/auth.middleware.js';
import { createReflection, getExperience, listBaselines, listReflections, logExperience, setBaseline } from './experiences.service.js';
import { IdParam, TrialParam } from '../../contracts/common.js';


/** Mounted at /api/runs: the experience log of one run. */
export function experiencesRoutes(deps: Deps): Router {
  const r = Router();
  r.post('/:id/experience', async (req, res) => {
    const actor = requireActor(req);
    const { id } = IdParam.parse(req.params);
    const experience = await logExperience(deps, actor, id, ExperienceLogRequest.parse(req.body));
    res.status(201).json(ExperienceLogResponse.parse({ experience }));
  });
  r.get('/:id/experience', async (req, res) => {
    const actor = requireActor(req);
    res.json(ExperienceState.parse(await getExperience(deps, actor, IdParam.parse(req.params).id)));
  });
  return r;
}

/** Mounted at /api/trials/:trialId/reflections. */
export function reflectionsRoutes(deps: Deps): Router {
  const r = Router({ mergeParams: true });
  r.post('/', async (req, res) => {
    const actor = requireActor(req);
    const { trialId } = TrialParam.parse(req.params);
    const reflection = await createReflection(deps, actor, trialId, ReflectionRequest.parse(req.body));
    res.status(201).json(ReflectionResponse.parse({ reflection }));
  });
  r.get('/', async (req, res) => {
    const actor = requireActor(req);
    const { trialId } = TrialParam.parse(req.params);
    res.json(ReflectionList.parse({ reflections: await listReflections(deps, actor, trialId) }));
  });
  return r;
}

/** Mounted at /api/trials/:trialId/baseline: the participant's own no-AI baselines. */
export function baselineRoutes(deps: Deps): Router {
  const r = Router({ mergeParams: true });
  r.get('/', async (req, res) => {
    const { trialId } = TrialParam.parse(req.params);
    res.json(BaselineList.parse({ baselines: await listBaselines(deps, requireActor(req), trialId) }));
  });
  r.put('/', async (req, res) => {
    const { trialId } = TrialParam.parse(req.params);
    const baseline = await setBaseline(deps, requireActor(req), trialId, BaselineRequest.parse(req.body));
    res.json(BaselineResponse.parse({ baseline }));
  });
  return r;
}
