import { TrialList } from '@contracts/trials.js';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

/** The server scopes the list by role: own trials, own unit's trials, or all. */
export const trialsQueryKey = ['trials'] as const;

export const getTrials = (signal?: AbortSignal) =>
  apiRequest('/api/trials', TrialList, signal ? { signal } : {});

export function useTrials() {
  return useQuery({ queryKey: trialsQueryKey, queryFn: ({ signal }) => getTrials(signal) });
}
