import { ComplianceList } from '@contracts/compliance.js';
import { PolicyList } from '@contracts/policies.js';
import { BaselineList, type BaselineRequest, BaselineResponse, ReflectionList, type ReflectionRequest, ReflectionResponse } from '@contracts/experiences.js';
import {
  type AcknowledgeBriefingRequest,
  BriefingResponse,
  type CreateTrialRequest,
  type SetParticipantsRequest,
  type TransitionRequest,
  TrialResponse,
  TrialRevisionList,
  type UpdateTrialRequest,
} from '@contracts/trials.js';
import { Directory, UnitList } from '@contracts/users.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { trialsQueryKey } from './get-trials';

export const trialPath = (id: string) => `/api/trials/${encodeURIComponent(id)}`;
export const trialQueryKey = (id: string) => ['trials', 'detail', id] as const;
const briefingQueryKey = (id: string) => ['trials', 'briefing', id] as const;
const revisionsQueryKey = (id: string) => ['trials', 'revisions', id] as const;
const reflectionsQueryKey = (id: string) => ['trials', 'reflections', id] as const;

export function useTrialDetail(id: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: trialQueryKey(id),
    queryFn: ({ signal }) => apiRequest(trialPath(id), TrialResponse, { signal }),
    enabled: enabled && id !== '',
    retry: false,
  });
}

/** Every change answers with the trial as it is now: put it in the cache and let the list refresh. */
function useTrialChange<I>(id: string, send: (input: I) => Promise<TrialResponse>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: ({ trial }) => {
      queryClient.setQueryData(trialQueryKey(trial.id), { trial });
      void queryClient.invalidateQueries({ queryKey: trialsQueryKey, exact: true });
      void queryClient.invalidateQueries({ queryKey: revisionsQueryKey(id) });
      void queryClient.invalidateQueries({ queryKey: briefingQueryKey(id) });
    },
  });
}

export function useCreateTrial() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTrialRequest) => apiRequest('/api/trials', TrialResponse, { method: 'POST', body }),
    onSuccess: ({ trial }) => {
      queryClient.setQueryData(trialQueryKey(trial.id), { trial });
      void queryClient.invalidateQueries({ queryKey: trialsQueryKey, exact: true });
    },
  });
}

export const useUpdateTrial = (id: string) =>
  useTrialChange(id, (body: UpdateTrialRequest) => apiRequest(trialPath(id), TrialResponse, { method: 'PATCH', body }));

export const useTransitionTrial = (id: string) =>
  useTrialChange(id, (body: TransitionRequest) =>
    apiRequest(`${trialPath(id)}/status`, TrialResponse, { method: 'POST', body }),
  );

export const useSetParticipants = (id: string) =>
  useTrialChange(id, (body: SetParticipantsRequest) =>
    apiRequest(`${trialPath(id)}/participants`, TrialResponse, { method: 'PUT', body }),
  );

export const useConfirmPolicy = (id: string) =>
  useTrialChange(id, () => apiRequest(`${trialPath(id)}/policy/confirm`, TrialResponse, { method: 'POST' }));

export function useRevisions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: revisionsQueryKey(id),
    queryFn: ({ signal }) => apiRequest(`${trialPath(id)}/revisions`, TrialRevisionList, { signal }),
    enabled,
  });
}

export function useBriefing(id: string) {
  return useQuery({
    queryKey: briefingQueryKey(id),
    queryFn: ({ signal }) => apiRequest(`${trialPath(id)}/briefing`, BriefingResponse, { signal }),
    retry: false,
  });
}

export function useAcknowledgeBriefing(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AcknowledgeBriefingRequest) =>
      apiRequest(`${trialPath(id)}/briefing/acknowledge`, BriefingResponse, { method: 'POST', body }),
    onSuccess: (data) => {
      queryClient.setQueryData(briefingQueryKey(id), data);
      // The trial page and the list show whether the briefing is still to be read.
      void queryClient.invalidateQueries({ queryKey: trialQueryKey(id) });
      void queryClient.invalidateQueries({ queryKey: trialsQueryKey, exact: true });
    },
  });
}

export function useReflections(trialId: string, enabled: boolean) {
  return useQuery({
    queryKey: reflectionsQueryKey(trialId),
    queryFn: ({ signal }) => apiRequest(`${trialPath(trialId)}/reflections`, ReflectionList, { signal }),
    enabled,
  });
}

export function useCreateReflection(trialId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReflectionRequest) =>
      apiRequest(`${trialPath(trialId)}/reflections`, ReflectionResponse, { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: reflectionsQueryKey(trialId) }),
  });
}

/** The policies to choose from in the charter form. Policies change with a deployment, so a cache is safe. */
export function usePolicyChoices() {
  return useQuery({
    queryKey: ['trials', 'policy-choices'],
    queryFn: ({ signal }) => apiRequest('/api/policies', PolicyList, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useUnitChoices(enabled: boolean) {
  return useQuery({
    queryKey: ['trials', 'unit-choices'],
    queryFn: ({ signal }) => apiRequest('/api/units', UnitList, { signal }),
    staleTime: 10 * 60_000,
    enabled,
  });
}

/** The active people an administrator can add to a trial (GET /api/users/directory: leaders and the digital unit). */
export function useUserChoices(enabled: boolean) {
  return useQuery({
    queryKey: ['trials', 'user-choices'],
    queryFn: ({ signal }) => apiRequest('/api/users/directory', Directory, { signal }),
    enabled,
  });
}

/**
 * Whether the trial's compliance drafts are signed off in their current version, for the trial page; the same
 * cache entry as the Dokumentation page, so a sign-off there shows here.
 */
export function useComplianceStatus(trialId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['compliance', trialId],
    queryFn: ({ signal }) => apiRequest(`/api/trials/${encodeURIComponent(trialId)}/compliance`, ComplianceList, { signal }),
    enabled,
    retry: false,
  });
}

const baselineKey = (trialId: string) => ['trials', 'baseline', trialId] as const;

/** The signed-in participant's own no-AI baselines in the trial. */
export function useBaselines(trialId: string) {
  return useQuery({
    queryKey: baselineKey(trialId),
    queryFn: ({ signal }) => apiRequest(`/api/trials/${encodeURIComponent(trialId)}/baseline`, BaselineList, { signal }),
    retry: false,
  });
}

export function useSetBaseline(trialId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BaselineRequest) => apiRequest(`/api/trials/${encodeURIComponent(trialId)}/baseline`, BaselineResponse, { method: 'PUT', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: baselineKey(trialId) }),
  });
}
