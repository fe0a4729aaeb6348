import type { AssistantId } from '@contracts/policies.js';
import { ErrorBody } from '@contracts/errors.js';
import { RunView } from '@contracts/runs.js';
import { z } from 'zod';
import { ApiError, apiFetch } from '../../../lib/api-client';

export interface StreamRunInput {
  trialId: string;
  assistant: AssistantId;
  input: string;
}

const TokenEvent = z.object({ text: z.string() });
const DoneEvent = z.object({ run: RunView });

const invalid = () =>
  new ApiError({
    code: 'INVALID_RESPONSE',
    message: 'Serveren svarede uventet. Prøv igen om lidt, og kontakt Digital Udvikling, hvis fejlen fortsætter.',
    status: 200,
  });

/** One server-sent event block ("event: token\ndata: {...}") as name and parsed data; comments give null. */
export function parseEvent(block: string): { event: string; data: unknown } | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  if (data.length === 0) return null;
  try {
    return { event, data: JSON.parse(data.join('\n')) as unknown };
  } catch {
    throw invalid();
  }
}

/**
 * Runs the assistant through POST /api/runs/stream and reads the draft as it is written (fetch and a stream
 * reader: EventSource cannot POST). Refusals before the stream (validation, blocked by the policy ...) and the
 * stream's own `error` event both throw ApiError with the server's code, message and details. Aborting the
 * signal hangs up, which stops the model on the server.
 */
export async function streamRun(
  input: StreamRunInput,
  { signal, onToken }: { signal?: AbortSignal; onToken: (text: string) => void },
): Promise<RunView> {
  const res = await apiFetch('/api/runs/stream', {
    body: JSON.stringify(input),
    contentType: 'application/json',
    accept: 'text/event-stream',
    ...(signal ? { signal } : {}),
  });
  if (!res.body) throw invalid();
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value.replace(/\r\n/g, '\n');
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const parsed = parseEvent(buffer.slice(0, cut));
      buffer = buffer.slice(cut + 2);
      if (!parsed) continue;
      if (parsed.event === 'token') {
        const token = TokenEvent.safeParse(parsed.data);
        if (token.success) onToken(token.data.text);
      } else if (parsed.event === 'done') {
        const finished = DoneEvent.safeParse(parsed.data);
        if (!finished.success) throw invalid();
        void reader.cancel().catch(() => undefined);
        return finished.data.run;
      } else if (parsed.event === 'error') {
        const body = ErrorBody.safeParse(parsed.data);
        if (!body.success) throw invalid();
        const { code, message, details, requestId } = body.data.error;
        throw new ApiError({ code, message, status: 200, details, requestId });
      }
    }
    if (done) break;
  }
  // The stream ended without a result: the connection broke.
  throw new ApiError({
    code: 'NETWORK_ERROR',
    message: 'Forbindelsen til serveren blev afbrudt, før udkastet var færdigt. Prøv igen.',
    status: 0,
  });
}
