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
import { IdParam, TrialParam } from '../../contracts/common.js';
import { RUN_VISIBLE, SEE_TRIAL, route, routes } from '../../api.js';
import { createReflection, getExperience, listBaselines, listReflections, logExperience, setBaseline } from './experiences.service.js';

/** Mounted at /api/runs: the experience log of one run. */
export const experiencesRoutes = routes('/runs', [
  route({
    method: 'POST',
    path: '/:id/experience',
    operationId: 'logExperience',
    tag: 'experiences',
    summary: 'Log the experience (erfaringslog) of a reviewed run',
    description: "Usefulness, minutes saved (tidsbesparelse, may be negative), failure types and the trial's own questions. Once per run, as soon as a person has reviewed the draft: approved or rejected, or (four eyes) approved once and waiting for the second approver; before that 409 RUN_NOT_REVIEWED.",
    access: { roles: 'any', rule: 'Only the person who made the run. Administrators of its trial get 403; anyone else 404.' },
    body: { kind: 'json', schema: ExperienceLogRequest },
    responses: { 201: { description: 'The experience log.', schema: ExperienceLogResponse } },
    errors: ['FORBIDDEN', 'NOT_FOUND', 'RUN_NOT_REVIEWED', 'UNKNOWN_QUESTION', 'EXPERIENCE_ALREADY_LOGGED'],
    params: IdParam,
    handle: async ({ deps, actor, params, body }) => ({ experience: await logExperience(deps, actor, params.id, body) }),
  }),
  route({
    method: 'GET',
    path: '/:id/experience',
    operationId: 'getExperience',
    tag: 'experiences',
    summary: 'The experience log of a run, or the questions to answer',
    description: "The logged experience if there is one, and the trial's questions.",
    access: RUN_VISIBLE,
    responses: { 200: { description: 'The experience state.', schema: ExperienceState } },
    errors: ['NOT_FOUND'],
    params: IdParam,
    handle: ({ deps, actor, params }) => getExperience(deps, actor, params.id),
  }),
]);

/** Mounted at /api/trials/:trialId/reflections. */
export const reflectionsRoutes = routes('/trials/:trialId/reflections', [
  route({
    method: 'POST',
    path: '/',
    operationId: 'createReflection',
    tag: 'experiences',
    summary: 'Write a reflection (refleksion) on a trial',
    description: 'Free-text thoughts on the trial from a participant, once it has started.',
    access: { roles: 'any', rule: 'Participants only. Administrators who do not take part get 403; anyone else 404.' },
    body: { kind: 'json', schema: ReflectionRequest },
    responses: { 201: { description: 'The reflection.', schema: ReflectionResponse } },
    errors: ['FORBIDDEN', 'NOT_FOUND', 'TRIAL_NOT_ACTIVE'],
    params: TrialParam,
    handle: async ({ deps, actor, params, body }) => ({ reflection: await createReflection(deps, actor, params.trialId, body) }),
  }),
  route({
    method: 'GET',
    path: '/',
    operationId: 'listReflections',
    tag: 'experiences',
    summary: "The reflections on a trial",
    description: 'Participants see their own; administrators see all.',
    access: SEE_TRIAL,
    responses: { 200: { description: 'The reflections.', schema: ReflectionList } },
    errors: ['NOT_FOUND'],
    params: TrialParam,
    handle: async ({ deps, actor, params }) => ({ reflections: await listReflections(deps, actor, params.trialId) }),
  }),
]);

/** Mounted at /api/trials/:trialId/baseline: the participant's own no-AI baselines. */
export const baselineRoutes = routes('/trials/:trialId/baseline', [
  route({
    method: 'GET',
    path: '/',
    operationId: 'listMyBaselines',
    tag: 'experiences',
    summary: 'My no-AI baselines in a trial',
    description: 'How long one task of each assistant takes the signed-in person without it, as they last said.',
    access: SEE_TRIAL,
    responses: { 200: { description: 'The baselines.', schema: BaselineList } },
    errors: ['NOT_FOUND'],
    params: TrialParam,
    handle: async ({ deps, actor, params }) => ({ baselines: await listBaselines(deps, actor, params.trialId) }),
  }),
  route({
    method: 'PUT',
    path: '/',
    operationId: 'setMyBaseline',
    tag: 'experiences',
    summary: 'Say how long one task of an assistant takes without it (the no-AI baseline)',
    description: 'One estimate per person and assistant; a new one replaces the old. The board shows the median beside the minutes saved once 3 or more people have given one. Audited as experience.baseline_set, without the figure.',
    access: { roles: 'any', rule: 'Participants only. Administrators who do not take part get 403; anyone else 404.' },
    body: { kind: 'json', schema: BaselineRequest },
    responses: { 200: { description: 'The baseline.', schema: BaselineResponse } },
    errors: ['FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED'],
    params: TrialParam,
    handle: async ({ deps, actor, params, body }) => ({ baseline: await setBaseline(deps, actor, params.trialId, body) }),
  }),
]);
