import { type CurrentUser, type Locale, MeResponse, type Role } from '@contracts/auth.js';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, isUnauthenticated, resetCsrfToken } from './api-client';

/**
 * The signed-in person, shared by every feature. `null` means "not signed in"; the route guard redirects.
 * Features read the user from here and never from each other.
 */
export const sessionQueryKey = ['session'] as const;

export type SessionEndReason = 'expired' | 'loggedOut';
let endedBecause: SessionEndReason | null = null;

/**
 * Ends the session in this browser: after sign-out, or when the server answers 401 to a signed-in page (the
 * session timed out or was ended elsewhere). The route guard then sends the person to sign in, saying why.
 */
export function endSession(queryClient: QueryClient, reason: SessionEndReason): void {
  endedBecause = reason;
  queryClient.setQueryData(sessionQueryKey, null);
}

/** Why the last session ended, until the next sign-in. */
export const sessionEndReason = (): SessionEndReason | null => endedBecause;

/** A successful sign-in starts afresh. */
export function startSession(queryClient: QueryClient, user: CurrentUser): void {
  endedBecause = null;
  // A new person may be signing in on a shared computer: drop everything cached for the previous one.
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionQueryKey[0] });
  queryClient.setQueryData(sessionQueryKey, user);
}

export async function fetchSession(): Promise<CurrentUser | null> {
  try {
    const { user } = await apiRequest('/api/auth/me', MeResponse);
    return user;
  } catch (e) {
    if (isUnauthenticated(e)) return null;
    throw e;
  }
}

export function useSession() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: fetchSession,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** The current user where a route guard has already made sure there is one. */
export function useCurrentUser(): CurrentUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser used outside a signed-in route');
  return data;
}

/**
 * Signs out. The route guard then sends the person to the sign-in page, which confirms it; the next person
 * starts on the front page, not where the previous one left off.
 */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/api/auth/logout', null, { method: 'POST' }),
    onSettled: () => {
      // Whatever the server answered, this browser forgets everything it knew about the person.
      resetCsrfToken();
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionQueryKey[0] });
      endSession(queryClient, 'loggedOut');
    },
  });
}

/** Saves the language choice on the account so it follows the person to other devices. */
export function useSaveLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => apiRequest('/api/auth/me', MeResponse, { method: 'PATCH', body: { locale } }),
    onSuccess: ({ user }) => queryClient.setQueryData(sessionQueryKey, user),
  });
}

export const hasRole = (user: CurrentUser | null | undefined, ...roles: Role[]): boolean =>
  !!user && roles.includes(user.role);
