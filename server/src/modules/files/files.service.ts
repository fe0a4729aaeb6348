/**
 * The files module's front door: what other modules use to check a file and read its text. The parsing itself
 * runs in worker threads (files.limits.ts); see docs/decisions/0012. Routes that take an upload use
 * files.upload.service.ts.
 */
export { extractText } from './files.extract.js';
export type { FileKind } from './files.extract.js';
export { checkCharacters, inspectZip, runParseTask, transferableCopy } from './files.limits.js';
export { asBuffer, decodeText, docxRawText } from './files.parse.js';
export type { UploadedFile } from './files.upload.js';
