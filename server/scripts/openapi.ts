/** npm run openapi: writes the OpenAPI document to docs/openapi.json (committed; openapi.api.test.ts checks it is current). */
import fs from 'node:fs';
import { API_ENDPOINTS } from '../src/app.js';
import { OPENAPI_FILE, renderOpenApiDocument } from '../src/modules/openapi/openapi.document.js';

fs.writeFileSync(OPENAPI_FILE, renderOpenApiDocument(API_ENDPOINTS));
process.stdout.write(`Wrote ${OPENAPI_FILE}\n`);
