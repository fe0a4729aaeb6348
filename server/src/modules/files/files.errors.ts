import { AppError } from '../../lib/errors.js';

/** The refusals of reading a file, each with a stable code and a Danish message that says what to do. */

const SUPPORTED = 'Brug en PDF, et Word-dokument (.docx), Markdown (.md), en tekstfil (.txt) eller en Teams-udskrift (.vtt).';

export const unsupportedFile = () => new AppError('UNSUPPORTED_FILE', `Filtypen understøttes ikke. ${SUPPORTED}`, 415);
export const unreadableFile = (
  message = 'Filen kan ikke læses. Den er måske beskadiget eller beskyttet med adgangskode. Gem den igen, og prøv en gang til.',
) => new AppError('UNREADABLE_FILE', message, 422);
/** Text that is not valid in the encoding it declares (or in UTF-8): refused rather than guessed at. */
export const badEncoding = () =>
  unreadableFile('Tekstfilen kan ikke læses, fordi den hverken er gyldig UTF-8 eller UTF-16. Gem den igen med kodningen UTF-8, og prøv en gang til.');
export const pdfNoText = () =>
  new AppError('PDF_NO_TEXT', "PDF'en indeholder ingen tekst, kun billeder. Brug en PDF med tekst, eller kopiér teksten ind.", 422);
export const emptyFile = () => new AppError('EMPTY_FILE', 'Filen er tom, eller der er ingen tekst i den. Vælg en fil med tekst.', 422);
export const fileTooLarge = (maxBytes: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `Filen er for stor. Den må højst fylde ${formatMb(maxBytes)} MB. Del den op, eller kopiér den relevante tekst ind.`, 413, {
    maxBytes,
  });

function formatMb(bytes: number): string {
  return (Math.round((bytes / 1024 / 1024) * 10) / 10).toLocaleString('da-DK');
}

export type ParseLimit = 'expandedBytes' | 'entries' | 'compressionRatio' | 'pages' | 'characters' | 'timeMs' | 'memoryMb';

const da = (n: number) => n.toLocaleString('da-DK');

const LIMITS: Record<ParseLimit, { status: 413 | 422; message: (max: number) => string }> = {
  expandedBytes: {
    status: 413,
    message: (max) => `Filen fylder for meget, når den pakkes ud (over ${formatMb(max)} MB). Gem den som en mindre fil, eller del den op.`,
  },
  entries: {
    status: 413,
    message: (max) =>
      `Filen består af for mange dele (over ${da(max)}). Gem den igen fra Word som et almindeligt dokument uden indlejrede filer, eller del den op.`,
  },
  pages: {
    status: 413,
    message: (max) => `PDF'en har for mange sider (over ${da(max)}). Del den op, eller gem kun de sider, du skal bruge, som en ny PDF.`,
  },
  characters: {
    status: 413,
    message: (max) => `Filen indeholder for meget tekst (over ${da(max)} tegn). Del den op, eller brug kun den del, du skal bruge.`,
  },
  compressionRatio: {
    status: 422,
    message: (max) =>
      `Filen er pakket usædvanligt tæt (over ${da(max)} gange), så den læses ikke. Åbn den i Word, og gem den igen, eller kopiér teksten ind.`,
  },
  timeMs: {
    status: 422,
    message: (max) =>
      `Det tog for lang tid at læse filen (over ${da(Math.round(max / 100) / 10)} sekunder). Gem den som en enklere fil (fx .txt), eller del den op.`,
  },
  memoryMb: {
    status: 422,
    message: () => 'Filen kræver for meget hukommelse at læse. Gem den som en enklere fil (fx .txt), eller del den op.',
  },
};

/**
 * A file refused by one of the parse limits (docs/decisions/0012): 413 FILE_LIMIT_EXCEEDED when it is too big
 * in some measure (unpacked size, parts, pages, characters), 422 FILE_TOO_COMPLEX when reading it would cost
 * too much (compression, time, memory). `details.limit` names the limit and `details.max` its value.
 */
export function limitReached(limit: ParseLimit, max: number): AppError {
  const { status, message } = LIMITS[limit];
  return new AppError(status === 413 ? 'FILE_LIMIT_EXCEEDED' : 'FILE_TOO_COMPLEX', message(max), status, { limit, max });
}

/** Every parse worker is busy and the queue is full. */
export const parserBusy = () =>
  new AppError('PARSER_BUSY', 'Serveren læser mange filer lige nu. Vent et halvt minut, og prøv igen.', 429, { retryAfterSeconds: 30 }, { 'Retry-After': '30' });
