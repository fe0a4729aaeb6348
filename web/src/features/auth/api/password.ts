import { type ChangePasswordRequest, MeResponse } from '@contracts/auth.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sessionQueryKey } from '../../../lib/session';

export const changePassword = (body: ChangePasswordRequest) =>
  apiRequest('/api/auth/password', MeResponse, { method: 'POST', body });

/** The person's own new password. The answer is the current user, no longer required to change it. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: ({ user }) => queryClient.setQueryData(sessionQueryKey, user),
  });
}
