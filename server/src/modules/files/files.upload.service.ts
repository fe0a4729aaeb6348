/**
 * The files module's door for routes that take an upload: one file in memory (multer), its name cleaned, and the
 * API's own errors for what multer refuses. Apart from files.service.ts, so that what reads files (the parse
 * workers included) does not load the upload middleware.
 */
export { cleanFilename, requireFile, singleFileUpload } from './files.upload.js';
export type { UploadedFile } from './files.upload.js';
