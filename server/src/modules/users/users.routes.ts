import { CreateUserRequest, Directory, PasswordResetResponse, UnitList, UpdateUserRequest, UserList, UserResponse } from '../../contracts/users.js';
import { IdParam } from '../../contracts/common.js';
import { DIGITAL_UNIT, SIGNED_IN, route, routes } from '../../api.js';
import { createUser, listDirectory, listUnits, listUsers, resetPassword, updateUser } from './users.service.js';

export const usersRoutes = routes('/users', [
  route({
    method: 'GET',
    path: '/',
    operationId: 'listUsers',
    tag: 'users',
    summary: 'Every user account (brugere)',
    description: 'For the digital unit administering accounts, roles and units.',
    access: DIGITAL_UNIT,
    responses: { 200: { description: 'The users.', schema: UserList } },
    errors: ['FORBIDDEN'],
    handle: async ({ deps, actor }) => ({ users: await listUsers(deps, actor) }),
  }),
  route({
    method: 'GET',
    path: '/directory',
    operationId: 'listDirectory',
    tag: 'users',
    summary: 'A directory of active people',
    description: 'For leaders choosing the participants (deltagere) of a trial.',
    access: { roles: ['LEADER', 'DIGITAL_UNIT'] },
    responses: { 200: { description: 'Active people with their units.', schema: Directory } },
    errors: ['FORBIDDEN'],
    handle: async ({ deps, actor }) => ({ people: await listDirectory(deps, actor) }),
  }),
  route({
    method: 'POST',
    path: '/',
    operationId: 'createUser',
    tag: 'users',
    summary: 'Create a user account',
    description: 'Creates an employee (medarbejder), leader (leder) or digital-unit account in a unit, with an initial password.',
    access: DIGITAL_UNIT,
    body: { kind: 'json', schema: CreateUserRequest },
    responses: { 201: { description: 'The new user.', schema: UserResponse } },
    errors: ['FORBIDDEN', 'EMAIL_TAKEN'],
    handle: async ({ deps, actor, body }) => ({ user: await createUser(deps, actor, body) }),
  }),
  route({
    method: 'PATCH',
    path: '/:id',
    operationId: 'updateUser',
    tag: 'users',
    summary: 'Change a user account',
    description:
      'Name, role, unit or active. Any other field (a password among them) is refused with 400; passwords are reset with ' +
      'POST /api/users/{id}/password-reset. Nobody changes their own role or deactivates themselves. Deactivation and a new role end the person\'s sessions.',
    access: DIGITAL_UNIT,
    body: { kind: 'json', schema: UpdateUserRequest },
    responses: { 200: { description: 'The updated user.', schema: UserResponse } },
    errors: ['FORBIDDEN', 'NOT_FOUND', 'CANNOT_CHANGE_SELF'],
    params: IdParam,
    handle: async ({ deps, actor, params, body }) => ({ user: await updateUser(deps, actor, params.id, body) }),
  }),
  route({
    method: 'POST',
    path: '/:id/password-reset',
    operationId: 'resetUserPassword',
    tag: 'users',
    summary: "Reset someone's password (nulstil adgangskode)",
    description:
      'Generates a temporary password, returned once in this answer and stored only as a hash. Every session of the person ends, and they must ' +
      'choose a new password at their next sign-in (mustChangePassword: until then every other call answers 403 PASSWORD_CHANGE_REQUIRED). ' +
      'Not for one\'s own account (use POST /api/auth/password). No request body. Audited (user.password_reset).',
    access: DIGITAL_UNIT,
    responses: { 200: { description: 'The user and the temporary password.', schema: PasswordResetResponse } },
    errors: ['FORBIDDEN', 'NOT_FOUND', 'CANNOT_CHANGE_SELF'],
    params: IdParam,
    handle: ({ deps, actor, params }) => resetPassword(deps, actor, params.id),
  }),
]);

export const unitsRoutes = routes('/units', [
  route({
    method: 'GET',
    path: '/',
    operationId: 'listUnits',
    tag: 'users',
    summary: 'The organisational units (enheder: afdelinger, forvaltninger)',
    description: 'Every unit with its parent.',
    access: SIGNED_IN,
    responses: { 200: { description: 'The units.', schema: UnitList } },
    errors: [],
    handle: async ({ deps }) => ({ units: await listUnits(deps) }),
  }),
]);
