import type { RunView } from '@contracts/runs.js';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../../../lib/api-client';
import { streamRun, type StreamRunInput } from '../api/stream-run';

export type RunPhase = 'idle' | 'streaming' | 'done' | 'stopped' | 'failed';

/**
 * One run of the assistant as it is written: its phase, the draft so far, the finished run or the error. A new
 * start replaces the last run; stopping (or leaving the page) hangs up, which stops the model on the server.
 */
export function useRunStream() {
  const [phase, setPhase] = useState<RunPhase>('idle');
  const [draft, setDraft] = useState('');
  const [run, setRun] = useState<RunView | null>(null);
  const [runError, setRunError] = useState<unknown>(null);
  const abortRef = useRef<AbortController | null>(null);

  // Leaving the page hangs up, which stops the model on the server.
  useEffect(() => () => abortRef.current?.abort(), []);
  // The briefing changed while the page was open: refresh the trial list, and the page around this one asks
  // for the new briefing instead of offering the assistant.
  const queryClient = useQueryClient();
  useEffect(() => {
    if (isApiError(runError) && runError.code === 'BRIEFING_REQUIRED') void queryClient.invalidateQueries({ queryKey: ['trials'] });
  }, [runError, queryClient]);

  /** Runs `input`; `onFinished` is told in the same update that shows the finished draft. */
  const start = async (input: StreamRunInput, onFinished: () => void) => {
    const controller = new AbortController();
    abortRef.current = controller;
    setDraft('');
    setRun(null);
    setRunError(null);
    setPhase('streaming');
    try {
      const finished = await streamRun(input, { signal: controller.signal, onToken: (piece) => setDraft((d) => d + piece) });
      setRun(finished);
      onFinished();
      setDraft(finished.output ?? '');
      setPhase('done');
    } catch (err) {
      if (controller.signal.aborted) {
        setPhase('stopped');
        return;
      }
      setRunError(err);
      setPhase('failed');
    } finally {
      if (abortRef.current === controller) abortRef.current = null;
    }
  };

  const stop = () => abortRef.current?.abort();

  return { phase, draft, run, runError, start, stop };
}
