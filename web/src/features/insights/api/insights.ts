import {
  BoardResponse,
  type CreateDecisionRequest,
  PublicationResponse,
  PublicRegister,
  TrialDecisionResponse,
  TrialInsightsResponse,
} from '@contracts/insights.js';
import type { AssistantId } from '@contracts/policies.js';
import { TrialResponse } from '@contracts/trials.js';
import { UnitList } from '@contracts/users.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, apiRequest } from '../../../lib/api-client';
import { saveAsDownload } from '../../../lib/download';

export interface Period {
  from?: string | undefined;
  to?: string | undefined;
}

export interface BoardFilters extends Period {
  unitId?: string | undefined;
  assistant?: AssistantId | undefined;
}

const trialPath = (id: string) => `/api/trials/${encodeURIComponent(id)}`;
const insightsKey = (id: string) => ['insights', 'trial', id] as const;
const trialKey = (id: string) => ['trials', 'detail', id] as const;

/** Builds "?from=..&to=.." for plain links and the exports, leaving out what is not set. */
export function queryString(params: Record<string, string | string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    for (const one of Array.isArray(v) ? v : [v]) if (one) search.append(k, one);
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** The export of the period on screen (the server takes the same from / to as the overview); see downloadTrialExport. */
export const exportPath = (trialId: string, format: 'csv' | 'json', period: Period = {}) =>
  `${trialPath(trialId)}/export.${format}${queryString({ from: period.from, to: period.to })}`;

/**
 * Downloads an export: a POST, as each one is recorded in the audit trail (trial.exported) and must be a person's
 * explicit request, never a GET that a prefetch or a link preview repeats. The file is handed to the browser as
 * a download under the server's name for it.
 */
export async function downloadTrialExport(trialId: string, format: 'csv' | 'json', period: Period = {}): Promise<void> {
  const res = await apiFetch(exportPath(trialId, format, period), { accept: format === 'csv' ? 'text/csv' : 'application/json' });
  await saveAsDownload(res, `proevehandling.${format}`);
}

export const reportPath = (trialId: string, reflectionIds: string[]) =>
  `${trialPath(trialId)}/report${queryString({ reflection: reflectionIds })}`;
export const boardExportPath = (filters: BoardFilters) => `/api/insights/export.csv${queryString({ ...filters })}`;

export function useTrialInsights(trialId: string, period: Period) {
  return useQuery({
    queryKey: [...insightsKey(trialId), period.from ?? '', period.to ?? ''],
    queryFn: ({ signal }) =>
      apiRequest(`${trialPath(trialId)}/insights`, TrialInsightsResponse, { signal, query: { from: period.from, to: period.to } }),
    retry: false,
  });
}

/** The trial itself, for whether it is published; the same cache entry as the trial page. */
export function useTrialForInsights(trialId: string) {
  return useQuery({
    queryKey: trialKey(trialId),
    queryFn: ({ signal }) => apiRequest(trialPath(trialId), TrialResponse, { signal }),
    retry: false,
  });
}

export function useCreateDecision(trialId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDecisionRequest) =>
      apiRequest(`${trialPath(trialId)}/decisions`, TrialDecisionResponse, { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: insightsKey(trialId) });
      // The trial page shows the latest decision, and the board the latest outcome per trial.
      void queryClient.invalidateQueries({ queryKey: trialKey(trialId) });
      void queryClient.invalidateQueries({ queryKey: ['insights', 'board'] });
    },
  });
}

export function useSetPublication(trialId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (published: boolean) =>
      apiRequest(`${trialPath(trialId)}/publication`, PublicationResponse, { method: 'POST', body: { published } }),
    onSuccess: ({ published }) => {
      // Set the answer at once so the switch does not flip back while the trial is fetched again.
      queryClient.setQueryData<TrialResponse>(trialKey(trialId), (old) => (old ? { trial: { ...old.trial, published } } : old));
      void queryClient.invalidateQueries({ queryKey: trialKey(trialId) });
    },
  });
}

export function useBoard(filters: BoardFilters) {
  return useQuery({
    queryKey: ['insights', 'board', filters.unitId ?? '', filters.assistant ?? '', filters.from ?? '', filters.to ?? ''],
    queryFn: ({ signal }) => apiRequest('/api/insights', BoardResponse, { signal, query: { ...filters } }),
    retry: false,
  });
}

export function useUnits() {
  return useQuery({
    queryKey: ['insights', 'units'],
    queryFn: ({ signal }) => apiRequest('/api/units', UnitList, { signal }),
    staleTime: 10 * 60_000,
  });
}

/** The public AI register: answered without a session. */
export function usePublicRegister() {
  return useQuery({
    queryKey: ['insights', 'public-register'],
    queryFn: ({ signal }) => apiRequest('/api/public/register', PublicRegister, { signal }),
  });
}
