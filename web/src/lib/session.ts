import { type CurrentUser, type Locale, MeResponse } from '@contracts/auth.js';
import { createContext, useContext } from 'react';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, isUnauthenticated, resetCsrfToken } from './api-client';

/**
 * The signed-in person, shared by every feature. `null` means "not signed in"; the route guard redirects.
 * Features read the user from here and never from each other.
 */
export const sessionQueryKey = ['session'] as const;

export type SessionEndReason = 'expired' | 'loggedOut';
/** Kept per QueryClient (one per app, one per test), so nothing leaks between them. */
const endReasons = new WeakMap<QueryClient, SessionEndReason>();

/**
 * Ends the session in this browser: after sign-out, or when the server answers 401 to a signed-in page (the
 * session timed out or was ended elsewhere). The route guard then sends the person to sign in, saying why.
 */
export function endSession(queryClient: QueryClient, reason: SessionEndReason): void {
  endReasons.set(queryClient, reason);
  queryClient.setQueryData(sessionQueryKey, null);
}

/** Why the last session ended, until the next sign-in. */
export const sessionEndReason = (queryClient: QueryClient): SessionEndReason | null =>
  endReasons.get(queryClient) ?? null;

/** A successful sign-in starts afresh. */
export function startSession(queryClient: QueryClient, user: CurrentUser): void {
  endReasons.delete(queryClient);
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

/**
 * The signed-in person for pages behind the route guard, which provides it. Reading it from context rather
 * than from the query means a page never sees "nobody" in the moment between a session ending and the guard
 * sending the person to sign in.
 */
export const CurrentUserContext = createContext<CurrentUser | null>(null);

export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser is only for pages behind RequireAuth');
  return user;
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
