import { ExtractResponse } from '../../contracts/files.js';
import { FILE_FORMATS, FILE_REFUSALS, SIGNED_IN, route, routes } from '../../api.js';
import { extractText } from './files.extract.js';
import { requireFile, singleFileUpload } from './files.upload.js';

export const filesRoutes = routes('/files', [
  route({
    method: 'POST',
    path: '/extract',
    operationId: 'extractText',
    tag: 'files',
    summary: 'The text of an uploaded file',
    description: 'Reads the text of a file for an assistant input. Nothing is stored.',
    access: SIGNED_IN,
    body: { kind: 'file', description: FILE_FORMATS },
    responses: { 200: { description: 'The extracted text.', schema: ExtractResponse } },
    errors: [...FILE_REFUSALS],
    // Signed in first (the kit checks before the middleware), so that nobody else can make the server parse files.
    middleware: (deps) => [singleFileUpload(deps.config.uploadMaxBytes)],
    handle: async ({ deps, req }) => {
      const file = requireFile(req);
      const { text, kind } = await extractText(file, { maxBytes: deps.config.uploadMaxBytes, limits: deps.config.parse });
      return { text, filename: file.filename, kind, chars: text.length };
    },
  }),
]);
