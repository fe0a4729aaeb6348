import { RetentionOverview, RetentionSweepResponse } from '@contracts/retention.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

const overviewKey = ['retention', 'overview'] as const;

export function useRetentionOverview() {
  return useQuery({
    queryKey: overviewKey,
    queryFn: ({ signal }) => apiRequest('/api/retention', RetentionOverview, { signal }),
  });
}

/** "Slet forfaldent indhold nu": the same pass as the scheduled one, started by a person. */
export function useSweepNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/api/retention/sweeps', RetentionSweepResponse, { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: overviewKey }),
  });
}
