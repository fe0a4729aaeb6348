import { z } from 'zod';

export const Role = z.enum(['EMPLOYEE', 'LEADER', 'DIGITAL_UNIT']);
export type Role = z.infer<typeof Role>;

export const Locale = z.enum(['da', 'en']);
export type Locale = z.infer<typeof Locale>;

/** PATCH /api/auth/me: the person's own settings (only the language for now). */
export const UpdateMeRequest = z.object({ locale: Locale });
export type UpdateMeRequest = z.infer<typeof UpdateMeRequest>;

/** Emails are compared case-insensitively: trimmed and lower-cased on the way in. */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Skriv en gyldig e-mailadresse.' }).max(254));

export const LoginRequest = z.object({
  email: Email,
  password: z.string().min(1, { message: 'Skriv din adgangskode.' }).max(1024),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const UnitRef = z.object({ id: z.string(), name: z.string(), code: z.string() });
export type UnitRef = z.infer<typeof UnitRef>;

export const CurrentUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  locale: Locale,
  unit: UnitRef,
});
export type CurrentUser = z.infer<typeof CurrentUser>;

export const MeResponse = z.object({ user: CurrentUser });
export type MeResponse = z.infer<typeof MeResponse>;

export const CsrfResponse = z.object({ csrfToken: z.string() });
export type CsrfResponse = z.infer<typeof CsrfResponse>;

/** Header the web client sends with every state-changing request (double-submit of the csrf cookie). */
export const CSRF_HEADER = 'x-csrf-token';
