import { Router } from 'express';
import { CreateUserRequest, Directory, PasswordResetResponse, UnitList, UpdateUserRequest, UserList, UserResponse } from '../../contracts/users.js';
import type { Deps } from '../../deps.js';
import { requireActor } from '../auth/auth.middleware.js';
import { createUser, listDirectory, listUnits, listUsers, resetPassword, updateUser } from './users.service.js';
import { IdParam } from '../../contracts/common.js';


export function usersRoutes(deps: Deps): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    res.json(UserList.parse({ users: await listUsers(deps, requireActor(req)) }));
  });
  r.get('/directory', async (req, res) => {
    res.json(Directory.parse({ people: await listDirectory(deps, requireActor(req)) }));
  });
  r.post('/', async (req, res) => {
    const actor = requireActor(req);
    const user = await createUser(deps, actor, CreateUserRequest.parse(req.body));
    res.status(201).json(UserResponse.parse({ user }));
  });
  r.patch('/:id', async (req, res) => {
    const actor = requireActor(req);
    const { id } = IdParam.parse(req.params);
    const user = await updateUser(deps, actor, id, UpdateUserRequest.parse(req.body));
    res.json(UserResponse.parse({ user }));
  });
  r.post('/:id/password-reset', async (req, res) => {
    const actor = requireActor(req);
    const { id } = IdParam.parse(req.params);
    res.json(PasswordResetResponse.parse(await resetPassword(deps, actor, id)));
  });
  return r;
}

export function unitsRoutes(deps: Deps): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    requireActor(req);
    res.json(UnitList.parse({ units: await listUnits(deps) }));
  });
  return r;
}
