import { publicRoute, routes } from '../../api.js';
import type { EndpointDoc } from '../../lib/route.js';
import { buildOpenApiDocument } from './openapi.document.js';

/**
 * GET /api/openapi.json: public like /api/health, mounted before the session middleware, since describing the
 * API reveals nothing a signed-out person may not know (the code and docs/openapi.json are public too). The app
 * hands in its endpoints (app.ts), since they include this one.
 */
export function openapiRoutes(endpoints: () => readonly EndpointDoc[]) {
  let document: Record<string, unknown> | undefined;
  return routes('', [
//@mount
    publicRoute({
      method: 'GET',
      path: '/openapi.json',
      operationId: 'getOpenApiDocument',
      tag: 'system',
      summary: 'This OpenAPI 3.1 description of the API',
      description: 'The same document as docs/openapi.json in the repository, built from the route definitions and the zod contracts.',
      responses: {
        200: { description: 'The OpenAPI document.', contentType: 'application/json', rawSchema: { type: 'object', required: ['openapi', 'paths'] } },
      },
      errors: [],
      handle: ({ res }) => {
        // Built on first use and kept: the routes and the contracts do not change while the process runs.
        document ??= buildOpenApiDocument(endpoints());
        res.json(document);
      },
    }),
  ]);
}
