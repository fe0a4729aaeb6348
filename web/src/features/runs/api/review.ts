import { ExperienceLogResponse, ExperienceState, type ExperienceLogRequest } from '@contracts/experiences.js';
import { DOCX_MEDIA_TYPE, FinalTextResponse, type ReviewAwaiting, type ReviewRequest, ReviewResponse, RunList } from '@contracts/reviews.js';
import { RunResponse, type RunView } from '@contracts/runs.js';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, apiRequest } from '../../../lib/api-client';
import { saveAsDownload } from '../../../lib/download';

const runPath = (id: string) => `/api/runs/${encodeURIComponent(id)}`;

export const runQueryKey = (id: string) => ['runs', 'detail', id] as const;
const finalQueryKey = (id: string) => ['runs', 'final', id] as const;
const experienceQueryKey = (id: string) => ['runs', 'experience', id] as const;

export function useRun(runId: string) {
  return useQuery({
    queryKey: runQueryKey(runId),
    queryFn: ({ signal }) => apiRequest(runPath(runId), RunResponse, { signal }),
    select: (r) => r.run,
  });
}

/**
 * The run as the server has it now, starting from the copy the page holds (the one it loaded, or the one a stream
 * just finished). Not fetched again on its own; a decision's invalidation refetches it, so a decision made in
 * another tab or by a colleague, which the server answers with 409, is shown as it is.
 */
export function useLiveRun(run: RunView): RunView {
  const live = useQuery({
    queryKey: runQueryKey(run.id),
    queryFn: ({ signal }) => apiRequest(runPath(run.id), RunResponse, { signal }),
    initialData: { run },
    staleTime: Infinity,
    select: (r) => r.run,
  });
  return live.data;
}

/**
 * The human decision on a draft. Afterwards every view of the run is stale: the detail, the final text, the
 * lists (what awaits whom) and the experience log, which opens once the run is decided.
 */
export function useReviewRun(runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (req: ReviewRequest) => apiRequest(`${runPath(runId)}/reviews`, ReviewResponse, { method: 'POST', body: req }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['runs'] }),
  });
}

/** The approved text. Only asked for once the run is approved: before that the server answers 409 RUN_NOT_APPROVED. */
export function useFinalText(runId: string, approved: boolean) {
  return useQuery({
    queryKey: finalQueryKey(runId),
    queryFn: ({ signal }) => apiRequest(`${runPath(runId)}/final`, FinalTextResponse, { signal }),
    select: (r) => r.final,
    enabled: approved,
    // The approved text does not change. Reading it is not an export (the copy button's request is); a
    // refetch of someone else's text is at most one view in the audit trail (the server counts looks, not reads).
    staleTime: Infinity,
  });
}

/**
 * Copying the approved text: the explicit request the audit trail records as an export (run.exported). It
 * answers the text and label as recorded, which is what goes to the clipboard.
 */
export function useExportFinalText(runId: string) {
  return useMutation({
    mutationFn: () => apiRequest(`${runPath(runId)}/final/export`, FinalTextResponse, { method: 'POST' }).then((r) => r.final),
  });
}

/**
 * Downloading the approved text as a Word document: a POST, as each one is an export in the audit trail
 * (run.exported) and must be a person's click, never a GET a prefetch could repeat.
 */
export function useDownloadFinalDocx(runId: string) {
  return useMutation({
    mutationFn: async () => {
      const res = await apiFetch(`${runPath(runId)}/final/export.docx`, { accept: DOCX_MEDIA_TYPE });
      await saveAsDownload(res, 'godkendt-tekst.docx');
    },
  });
}

export function useExperience(runId: string, enabled: boolean) {
  return useQuery({
    queryKey: experienceQueryKey(runId),
    queryFn: ({ signal }) => apiRequest(`${runPath(runId)}/experience`, ExperienceState, { signal }),
    enabled,
  });
}

export function useLogExperience(runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (req: ExperienceLogRequest) => apiRequest(`${runPath(runId)}/experience`, ExperienceLogResponse, { method: 'POST', body: req }),
    onSuccess: ({ experience }) => {
      queryClient.setQueryData(experienceQueryKey(runId), (old: ExperienceState | undefined) => ({ questions: old?.questions ?? [], experience }));
      void queryClient.invalidateQueries({ queryKey: ['runs', 'list'] });
      void queryClient.invalidateQueries({ queryKey: runQueryKey(runId) });
    },
  });
}

export type RunListView = 'mine' | 'review' | 'second_approval';

const FILTERS: Record<RunListView, { mine?: 'true'; awaiting?: ReviewAwaiting }> = {
  mine: { mine: 'true' },
  review: { awaiting: 'review' },
  second_approval: { awaiting: 'second_approval' },
};

/** A content-free list of runs, a page at a time. */
export function useRunList(view: RunListView) {
  return useInfiniteQuery({
    queryKey: ['runs', 'list', view],
    queryFn: ({ signal, pageParam }) =>
      apiRequest('/api/runs', RunList, { signal, query: { ...FILTERS[view], limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

