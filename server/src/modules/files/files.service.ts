/**
 * The files module's front door: what other modules use to take an upload, check it and read its text. The
 * parsing itself runs in worker threads (files.limits.ts); see docs/decisions/0012.
 */
export { extractText } from './files.extract.js';
export type { FileKind } from './files.extract.js';
export { checkCharacters, inspectZip, runParseTask, transferableCopy } from './files.limits.js';
export { asBuffer, decodeText, docxRawText } from './files.parse.js';
export { cleanFilename, requireFile, singleFileUpload } from './files.upload.js';
export type { UploadedFile } from './files.upload.js';
