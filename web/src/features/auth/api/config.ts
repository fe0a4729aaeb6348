import { AuthConfigResponse } from '@contracts/auth.js';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

/** How people sign in here (password, the organisation's identity provider); the same for every visitor. */
export function useAuthConfig() {
  return useQuery({
    queryKey: ['auth-config'],
    queryFn: () => apiRequest('/api/auth/config', AuthConfigResponse),
    staleTime: Infinity,
  });
}
