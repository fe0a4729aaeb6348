import { pino, type Logger } from 'pino';
import { requestContext } from './request-context.js';

export type { Logger };

/**
 * The one logger. Log lines describe how the machine behaved: never prompts, outputs, document text, e-mail
 * addresses or other personal data. Redaction is a safety net for headers; the rule is not to log content.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'workbench' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', '*.password', '*.email'],
        censor: '[redacted]',
      },
      mixin() {
        const ctx = requestContext.getStore();
        return ctx ? { requestId: ctx.requestId, ...(ctx.userId ? { userId: ctx.userId } : {}) } : {};
      },
    },
    destination,
  );
}
