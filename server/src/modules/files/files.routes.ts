import { Router } from 'express';
import { ExtractResponse } from '../../contracts/files.js';
import type { Deps } from '../../deps.js';
import { requireActor } from '../auth/auth.middleware.js';
import { extractText } from './files.extract.js';
import { requireFile, singleFileUpload } from './files.upload.js';

export function filesRoutes(deps: Deps): Router {
  const r = Router();
  // Signed in first, so that nobody else can make the server parse files.
  r.post(
    '/extract',
    (req, _res, next) => {
      requireActor(req);
      next();
    },
    singleFileUpload(deps.config.uploadMaxBytes),
    async (req, res) => {
      requireActor(req);
      const file = requireFile(req);
      const { text, kind } = await extractText(file, { maxBytes: deps.config.uploadMaxBytes, limits: deps.config.parse });
      res.json(ExtractResponse.parse({ text, filename: file.filename, kind, chars: text.length }));
    },
  );
  return r;
}
