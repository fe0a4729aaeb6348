import { z } from 'zod';

export const Role = z.enum(['EMPLOYEE', 'LEADER', 'DIGITAL_UNIT']);
export type Role = z.infer<typeof Role>;

export const Locale = z.enum(['da', 'en']);
export type Locale = z.infer<typeof Locale>;

/**
 * PATCH /api/auth/me: the person's own settings (only the language for now). Strict, so a field it does not
 * change (a password: POST /api/auth/password) is a 400 rather than a 200 that changed nothing.
 */
export const UpdateMeRequest = z.strictObject({ locale: Locale });
export type UpdateMeRequest = z.infer<typeof UpdateMeRequest>;

/** Emails are compared case-insensitively: trimmed and lower-cased on the way in. */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Skriv en gyldig e-mailadresse.' }).max(254));

/** A new password: the rules every way of setting one shares (creation, own change, the first account). */
export const Password = z
  .string()
  .min(12, { message: 'Adgangskoden skal være mindst 12 tegn.' })
  .max(256, { message: 'Adgangskoden må højst være 256 tegn.' });

/** POST /api/auth/password: the person's own new password, confirmed with the current one. */
export const ChangePasswordRequest = z
  .strictObject({
    currentPassword: z.string().min(1, { message: 'Skriv din nuværende adgangskode.' }).max(1024),
    newPassword: Password,
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    message: 'Den nye adgangskode skal være en anden end den nuværende.',
    path: ['newPassword'],
  });
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

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
  /**
   * The digital unit has reset the password: until the person chooses a new one (POST /api/auth/password),
   * every other call answers 403 PASSWORD_CHANGE_REQUIRED.
   */
  mustChangePassword: z.boolean(),
  /** Signs in through the organisation's identity provider: no password of its own to change here. */
  sso: z.boolean(),
  /** The organisation's data protection adviser: may sign off a trial's GDPR and AI Act drafts. */
  dataProtectionAdviser: z.boolean().default(false),
});
export type CurrentUser = z.infer<typeof CurrentUser>;

export const MeResponse = z.object({ user: CurrentUser });
export type MeResponse = z.infer<typeof MeResponse>;

export const CsrfResponse = z.object({ csrfToken: z.string() });
export type CsrfResponse = z.infer<typeof CsrfResponse>;

/** Header the web client sends with every state-changing request (double-submit of the csrf cookie). */
export const CSRF_HEADER = 'x-csrf-token';

/** GET /api/auth/config: how people sign in here, read by the sign-in page before anyone is signed in. */
export const AuthConfigResponse = z.object({
  /** E-mail and password (PASSWORD_LOGIN). When false, only the break-glass account may use it. */
  passwordLogin: z.boolean(),
  /** Sign-in through the organisation's identity provider (OIDC), when configured. */
  oidc: z.object({ label: z.string(), startUrl: z.string(), logoutUrl: z.string() }).nullable(),
});
export type AuthConfigResponse = z.infer<typeof AuthConfigResponse>;

/** GET /api/auth/oidc/start: where to land after signing in (a path on this site; anything else gives /). */
export const OidcStartQuery = z.object({ returnTo: z.string().max(2000).optional() });
/** GET /api/auth/oidc/callback: the provider's answer, as the browser brings it back. */
export const OidcCallbackQuery = z.object({
  code: z.string().optional(),
  state: z.string().optional(),
  iss: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
});
