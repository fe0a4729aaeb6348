import {
  type CreateUserRequest,
  PasswordResetResponse,
  UnitList,
  type UpdateUserRequest,
  UserList,
  UserResponse,
  type UserSummary,
} from '@contracts/users.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const usersQueryKey = ['users'] as const;
export const unitsQueryKey = ['units'] as const;

export function useUsers() {
  return useQuery({
    queryKey: usersQueryKey,
    queryFn: ({ signal }) => apiRequest('/api/users', UserList, { signal }),
  });
}

export function useUnits() {
  return useQuery({
    queryKey: unitsQueryKey,
    queryFn: ({ signal }) => apiRequest('/api/units', UnitList, { signal }),
    staleTime: 10 * 60_000,
  });
}

function replaceUser(list: UserList | undefined, user: UserSummary): UserList | undefined {
  if (!list) return list;
  const exists = list.users.some((u) => u.id === user.id);
  return { users: exists ? list.users.map((u) => (u.id === user.id ? user : u)) : [...list.users, user] };
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserRequest) => apiRequest('/api/users', UserResponse, { method: 'POST', body }),
    onSuccess: ({ user }) => {
      queryClient.setQueryData<UserList>(usersQueryKey, (list) => replaceUser(list, user));
      void queryClient.invalidateQueries({ queryKey: usersQueryKey });
    },
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateUserRequest }) =>
      apiRequest(`/api/users/${encodeURIComponent(id)}`, UserResponse, { method: 'PATCH', body: changes }),
    onSuccess: ({ user }) => {
      queryClient.setQueryData<UserList>(usersQueryKey, (list) => replaceUser(list, user));
    },
  });
}

/** A temporary password for someone else; the answer is the only place it ever appears. */
export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(`/api/users/${encodeURIComponent(id)}/password-reset`, PasswordResetResponse, { method: 'POST' }),
    onSuccess: ({ user }) => {
      queryClient.setQueryData<UserList>(usersQueryKey, (list) => replaceUser(list, user));
    },
  });
}
