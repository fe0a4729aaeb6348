import { Router } from 'express';
import { buildOpenApiDocument } from './openapi.document.js';

/**
 * GET /api/openapi.json: public like /api/health, mounted before the session middleware, since describing the
 * API reveals nothing a signed-out person may not know (the code and docs/openapi.json are public too).
 */
export function openapiRoutes(): Router {
  const r = Router();
  let document: Record<string, unknown> | undefined;
  r.get('/openapi.json', (_req, res) => {
    // Built on first use and kept: the registry and the contracts do not change while the process runs.
    document ??= buildOpenApiDocument();
    res.json(document);
  });
  return r;
}
