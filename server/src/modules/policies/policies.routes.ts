import { PolicyList, PolicyResponse, PreviewRequest, PreviewResponse } from '../../contracts/policies.js';
import { IdParam } from '../../contracts/common.js';
import { SIGNED_IN, route, routes } from '../../api.js';
import { getPolicy, listPolicies, previewPolicy } from './policies.service.js';

export const policiesRoutes = routes('/policies', [
  route({
    method: 'GET',
    path: '/',
    operationId: 'listPolicies',
    tag: 'policies',
    summary: 'The data-use policies (datapolitikker)',
    description: 'The declared policies from policies/*.yaml with their approval status (legal, IT security, DPO).',
    access: SIGNED_IN,
    responses: { 200: { description: 'The policies.', schema: PolicyList } },
    errors: [],
    handle: ({ deps }) => ({ policies: listPolicies(deps) }),
  }),
  route({
    method: 'GET',
    path: '/:id',
    operationId: 'getPolicy',
    tag: 'policies',
    summary: 'One data-use policy in full',
    description: 'What data may be used, with which models and assistants, what is masked or blocked, retention and human review.',
    access: SIGNED_IN,
    responses: { 200: { description: 'The policy.', schema: PolicyResponse } },
    errors: ['NOT_FOUND'],
    params: IdParam,
    handle: ({ deps, params }) => ({ policy: getPolicy(deps, params.id) }),
  }),
  route({
    method: 'POST',
    path: '/:id/preview',
    operationId: 'previewPolicy',
    tag: 'policies',
    summary: 'What the policy would do with a text',
    description: 'Runs the guard (personal data recognisers) and the policy on a text without sending anything to a model or storing it.',
    access: SIGNED_IN,
    body: { kind: 'json', schema: PreviewRequest },
    responses: { 200: { description: 'The findings and the decision (allowed, masked, blocked).', schema: PreviewResponse } },
    errors: ['NOT_FOUND'],
    params: IdParam,
    handle: ({ deps, actor, params, body }) => previewPolicy(deps, actor, params.id, body),
  }),
]);
