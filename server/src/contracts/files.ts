import { z } from 'zod';

export const FileKind = z.enum(['pdf', 'docx', 'markdown', 'text', 'vtt']);
export type FileKind = z.infer<typeof FileKind>;

/** POST /api/files/extract: the text of an uploaded file, to fill an assistant's input. */
export const ExtractResponse = z.object({
  text: z.string(),
  filename: z.string(),
  kind: FileKind,
  chars: z.number().int().nonnegative(),
});
export type ExtractResponse = z.infer<typeof ExtractResponse>;
