import { CreateRunRequest, RunResponse } from '../../contracts/runs.js';
import { IdParam } from '../../contracts/common.js';
import { RUN_VISIBLE, TAKE_PART, route, routes } from '../../api.js';
import { executeRun, getRun } from './runs.service.js';
import { streamRun } from './runs.stream.js';

/** What a run of an assistant may be refused for, before or while it runs. */
const RUN_REFUSALS = [
  'NOT_FOUND',
  'FORBIDDEN',
  'BRIEFING_REQUIRED',
  'ASSISTANT_NOT_ENABLED',
  'TRIAL_NOT_ACTIVE',
  'POLICY_NOT_APPROVED',
  'POLICY_UNAVAILABLE',
  'POLICY_CHANGED',
  'RUN_LIMIT_REACHED',
  'POLICY_VIOLATION',
  'PROVIDER_FAILED',
  'PROVIDER_TIMEOUT',
] as const;

/** Mounted at /api/runs (reviews and experiences add their own paths beside these). */
export const runsRoutes = routes('/runs', [
  route({
    method: 'POST',
    path: '/',
    operationId: 'createRun',
    tag: 'runs',
    summary: 'Use an assistant: the governed pipeline',
    description:
      "Checks the trial, the briefing, the policy and the daily limit, runs the guard (masks or blocks personal data as the policy says), calls the model and stores the draft (udkast) for human review. The answer is the run; a blocked run is 422 POLICY_VIOLATION with the findings, never sent to a model.",
    access: TAKE_PART,
    body: { kind: 'json', schema: CreateRunRequest },
    responses: { 201: { description: 'The run with its draft, awaiting review.', schema: RunResponse } },
    errors: [...RUN_REFUSALS],
    handle: async ({ deps, res, actor, body }) => {
      // A caller who hangs up (or a shutdown that cuts the connection after its grace period) cancels the run:
      // it is stored as CANCELLED, never as a draft nobody received.
      const abort = new AbortController();
      res.once('close', () => {
        if (!res.writableFinished) abort.abort();
      });
      return { run: await executeRun(deps, actor, body, { signal: abort.signal }) };
    },
  }),
  route({
    method: 'POST',
    path: '/stream',
    operationId: 'createRunStreamed',
    tag: 'runs',
    summary: 'Use an assistant, with the draft streamed as server-sent events',
    description:
      'Same body and rules as POST /api/runs. Until the policy has let the run through, refusals are ordinary JSON errors with their status. ' +
      'Then the answer is text/event-stream: `token` events ({ text }) with the draft as it is written, and finally `done` ({ run }: RunView) or `error` ' +
      '({ error }: the ErrorBody of a failure after the stream began, e.g. PROVIDER_FAILED). Comment lines (": heartbeat") keep proxies from closing the connection.',
    access: TAKE_PART,
    body: { kind: 'json', schema: CreateRunRequest },
    responses: {
      200: {
        description: 'Server-sent events: token*, then done or error.',
        contentType: 'text/event-stream',
        rawSchema: { type: 'string', description: 'event: token|done|error, data: JSON (see the operation description)' },
      },
    },
    errors: [...RUN_REFUSALS],
    // The same body and rules as POST /; the draft arrives as server-sent events (see runs.stream.ts).
    handle: ({ deps, req, res }) => streamRun(deps, req, res),
  }),
  route({
    method: 'GET',
    path: '/:id',
    operationId: 'getRun',
    tag: 'runs',
    summary: 'One run with its draft and review state',
    description:
      "The input as sent (masked where the policy masks), the draft, the guard findings and who must act next. Someone else's run is audited as run.viewed, once per look (10 minutes per person and run).",
    access: RUN_VISIBLE,
    responses: { 200: { description: 'The run.', schema: RunResponse } },
    errors: ['NOT_FOUND'],
    params: IdParam,
    handle: async ({ deps, actor, params }) => ({ run: await getRun(deps, actor, params.id) }),
  }),
]);
