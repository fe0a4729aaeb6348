import { z } from 'zod';
import { Email, Locale, Password, Role, UnitRef } from './auth.js';

export { Password };

/**
 * Request bodies of user administration are strict: a field the endpoint does not know is a 400, never silently
 * ignored (a `password` sent to PATCH /api/users/{id} used to answer 200 and change nothing).
 */
const unknownFields = {
  error: (iss: { code?: string; keys?: string[] }) =>
    iss.code === 'unrecognized_keys'
      ? iss.keys?.includes('password')
        ? 'Adgangskoden kan ikke ændres her. Brug »Nulstil adgangskode« (POST /api/users/{id}/password-reset).'
        : `Ukendt felt: ${iss.keys?.join(', ')}. Fjern det, og prøv igen.`
      : undefined,
};

export const UserSummary = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  active: z.boolean(),
  /** A reset password has not been replaced by the person yet. */
  mustChangePassword: z.boolean(),
  locale: Locale,
  unit: UnitRef,
  lastLoginAt: z.string().nullable(),
  /** The person signs in through the organisation's identity provider (OIDC); role and unit come from there. */
  sso: z.boolean(),
  /** The organisation's data protection adviser: signs off the trials' GDPR and AI Act drafts. */
  dataProtectionAdviser: z.boolean().default(false),
  createdAt: z.string(),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const UserList = z.object({ users: z.array(UserSummary) });
export type UserList = z.infer<typeof UserList>;

export const CreateUserRequest = z.strictObject(
  {
    email: Email,
    name: z.string().trim().min(1, { message: 'Skriv et navn.' }).max(200),
    role: Role,
    unitId: z.string().min(1),
    password: Password,
  },
  unknownFields,
);
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z
  .strictObject(
    {
      name: z.string().trim().min(1).max(200).optional(),
      role: Role.optional(),
      unitId: z.string().min(1).optional(),
      active: z.boolean().optional(),
      dataProtectionAdviser: z.boolean().optional(),
    },
    unknownFields,
  )
  .refine((v) => Object.keys(v).length > 0, { message: 'Angiv mindst ét felt, der skal ændres.' });
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const UserResponse = z.object({ user: UserSummary });
export type UserResponse = z.infer<typeof UserResponse>;

/**
 * POST /api/users/{id}/password-reset: the temporary password, shown once to the digital unit and never stored
 * in clear. The person must replace it at their next sign-in.
 */
export const PasswordResetResponse = z.object({ user: UserSummary, temporaryPassword: z.string() });
export type PasswordResetResponse = z.infer<typeof PasswordResetResponse>;

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
