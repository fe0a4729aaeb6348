import { type CurrentUser, type LoginRequest, MeResponse } from '@contracts/auth.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { startSession } from '../../../lib/session';

export const login = (body: LoginRequest) => apiRequest('/api/auth/login', MeResponse, { method: 'POST', body });

/**
 * `onSignedIn` runs as part of the mutation (not as a `mutate` callback), so it also runs when the sign-in page
 * has already been replaced by the page the person returns to.
 */
export function useLogin(onSignedIn?: (user: CurrentUser) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: ({ user }) => {
      onSignedIn?.(user);
      startSession(queryClient, user);
    },
  });
}
