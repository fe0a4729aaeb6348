import { Router } from 'express';
import { PolicyList, PolicyResponse, PreviewRequest, PreviewResponse } from '../../contracts/policies.js';
import type { Deps } from '../../deps.js';
import { requireActor } from '../auth/auth.middleware.js';
import { getPolicy, listPolicies, previewPolicy } from './policies.service.js';
import { IdParam } from '../../contracts/common.js';


export function policiesRoutes(deps: Deps): Router {
  const r = Router();
  r.get('/', (req, res) => {
    requireActor(req);
    res.json(PolicyList.parse({ policies: listPolicies(deps) }));
  });
  r.get('/:id', (req, res) => {
    requireActor(req);
    res.json(PolicyResponse.parse({ policy: getPolicy(deps, IdParam.parse(req.params).id) }));
  });
  r.post('/:id/preview', (req, res) => {
    const actor = requireActor(req);
    const { id } = IdParam.parse(req.params);
    res.json(PreviewResponse.parse(previewPolicy(deps, actor, id, PreviewRequest.parse(req.body))));
  });
  return r;
}
