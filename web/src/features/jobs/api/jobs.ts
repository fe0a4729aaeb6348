import { JobQueueResponse } from '@contracts/jobs.js';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

/** The queue, refreshed every 10 seconds while the page is open: it changes as jobs run. */
export function useJobQueue() {
  return useQuery({
    queryKey: ['jobs', 'queue'],
    queryFn: ({ signal }) => apiRequest('/api/jobs', JobQueueResponse, { signal }),
    refetchInterval: 10_000,
  });
}
