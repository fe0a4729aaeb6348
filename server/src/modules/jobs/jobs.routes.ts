import { JobQueueResponse, JobResponse } from '../../contracts/jobs.js';
import { IdParam } from '../../contracts/common.js';
import { DIGITAL_UNIT, route, routes } from '../../api.js';
import { getJob, listJobQueue } from './jobs.service.js';

export const jobsRoutes = routes('/jobs', [
  route({
    method: 'GET',
    path: '/',
    operationId: 'listJobQueue',
    tag: 'jobs',
    summary: 'The job queue: what waits, runs and failed in the last day',
    description: 'Kind, state, attempts, age and (for running jobs) the instance that holds the lease. Never payloads or results.',
    access: DIGITAL_UNIT,
    responses: { 200: { description: 'The queue.', schema: JobQueueResponse } },
    errors: ['FORBIDDEN'],
    handle: ({ deps, actor }) => listJobQueue(deps, actor),
  }),
  route({
    method: 'GET',
    path: '/:id',
    operationId: 'getJob',
    tag: 'jobs',
    summary: 'A background job (indexing, transcription)',
    description: 'Poll until the status is SUCCEEDED or FAILED.',
    access: { roles: 'any', rule: "The job's creator; the digital unit sees every job. To anyone else it does not exist (404)." },
    responses: { 200: { description: 'The job.', schema: JobResponse } },
    errors: ['NOT_FOUND'],
    params: IdParam,
    handle: async ({ deps, actor, params }) => ({ job: await getJob(deps, actor, params.id) }),
  }),
]);
