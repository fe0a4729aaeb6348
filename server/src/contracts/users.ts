import { z } from 'zod';
import { Email, Locale, Role, UnitRef } from './auth.js';

export const Password = z
  .string()
  .min(12, { message: 'Adgangskoden skal være mindst 12 tegn.' })
  .max(256, { message: 'Adgangskoden må højst være 256 tegn.' });

export const UserSummary = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  active: z.boolean(),
  locale: Locale,
  unit: UnitRef,
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const UserList = z.object({ users: z.array(UserSummary) });
export type UserList = z.infer<typeof UserList>;

export const CreateUserRequest = z.object({
  email: Email,
  name: z.string().trim().min(1, { message: 'Skriv et navn.' }).max(200),
  role: Role,
  unitId: z.string().min(1),
  password: Password,
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    role: Role.optional(),
    unitId: z.string().min(1).optional(),
    active: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Angiv mindst ét felt, der skal ændres.' });
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const UserResponse = z.object({ user: UserSummary });
export type UserResponse = z.infer<typeof UserResponse>;

export const UnitSummary = UnitRef.extend({ parentId: z.string().nullable() });
export const UnitList = z.object({ units: z.array(UnitSummary) });
export type UnitList = z.infer<typeof UnitList>;

/**
 * The people a leader can add to a trial: active accounts only, and only what choosing someone needs (no sign-in
 * dates, no locale). The full list with management fields stays with the digital unit.
 */
export const DirectoryEntry = z.object({ id: z.string(), name: z.string(), email: z.string(), role: Role, unit: UnitRef });
export type DirectoryEntry = z.infer<typeof DirectoryEntry>;
export const Directory = z.object({ people: z.array(DirectoryEntry) });
export type Directory = z.infer<typeof Directory>;
