import { AuditList, AuditVerification } from '@contracts/audit.js';
import { UserList } from '@contracts/users.js';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

const PAGE_SIZE = 50;

/** Newest first; each page asks for the events before the oldest one already shown. */
export function useAuditEvents() {
  return useInfiniteQuery({
    queryKey: ['audit', 'events'],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiRequest('/api/audit', AuditList, { query: { before: pageParam, limit: PAGE_SIZE }, signal }),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

/** Verification reads the whole chain on the server, so it runs only when asked. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => apiRequest('/api/audit/verify', AuditVerification) });
}

/**
 * Names for the actor column. The audit trail stores ids only (no personal data in the trail itself);
 * the digital unit may read the user list, so names are looked up there.
 */
export function useActorNames() {
  return useQuery({
    queryKey: ['users'],
    queryFn: ({ signal }) => apiRequest('/api/users', UserList, { signal }),
    select: (list) => new Map(list.users.map((u) => [u.id, u.name])),
    staleTime: 60_000,
  });
}
