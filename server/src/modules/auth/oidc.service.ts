import { createHash, randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import { ROLE_ORDER, type OidcConfig, type RoleName } from '../../config/env.js';
import type { ErrorCode } from '../../contracts/errors.js';
import type { Deps } from '../../deps.js';
import type { OidcLogin } from '../../lib/db.js';
import { AppError } from '../../lib/errors.js';
import { recordAudit, recordAuditAlone } from '../audit/audit.service.js';
import { startSession } from './auth.service.js';
import { hashPassword } from './password.service.js';
import { createSsoAccount, findAccountForSso, unitIdByCode, updateSsoAccount } from '../users/users.service.js';

/**
 * Sign-in through the organisation's identity provider (docs/decisions/0013): OpenID Connect authorization code
 * flow with PKCE (S256), state and nonce, with the certified `openid-client`. What is in flight between the start
 * and the callback is a row in the database (OidcLogin), so the callback may reach another instance, and it is
 * deleted when it is used, so a replayed callback finds nothing. A cookie binds the row to the browser that
 * started: a callback link sent to someone else signs nobody in.
 */

/** How long a person may take at the provider's sign-in page. */
const LOGIN_TTL_MS = 10 * 60_000;
/** The cookie that binds a sign-in in flight to its browser; only the OIDC routes see it. */
export const OIDC_COOKIE = 'pw_oidc';
export const OIDC_COOKIE_PATH = '/api/auth/oidc';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** A sign-in the workbench refuses: shown to the person as a Danish page, never with a session. */
export class SsoRefusal extends AppError {
  constructor(code: ErrorCode, message: string, status: number, public readonly reason: string) {
    super(code, message, status);
  }
}

const refusals = {
  invalid: (reason: string) =>
    new SsoRefusal('SSO_INVALID', 'Log ind kunne ikke gennemføres, fordi svaret fra din arbejdskonto ikke kunne godkendes. Start forfra.', 400, reason),
  used: () =>
    new SsoRefusal('SSO_INVALID', 'Dette log ind er allerede brugt eller er udløbet. Start forfra fra log ind-siden.', 400, 'state_unknown'),
  cancelled: () => new SsoRefusal('SSO_INVALID', 'Log ind blev afbrudt hos din arbejdskonto. Start forfra, hvis du vil logge ind.', 400, 'provider_error'),
  unavailable: () =>
    new SsoRefusal('SSO_UNAVAILABLE', 'Log ind med arbejdskonto virker ikke lige nu, fordi identitetsudbyderen ikke svarer. Prøv igen om lidt, eller kontakt IT-support.', 503, 'provider_unavailable'),
  noRole: () =>
    new SsoRefusal('SSO_NO_ROLE', 'Din arbejdskonto giver ikke adgang til arbejdsbænken: du er ikke med i en af de grupper, der giver adgang. Kontakt Digital Udvikling, hvis du skal have adgang.', 403, 'no_mapped_group'),
  unknownUnit: () =>
    new SsoRefusal('SSO_UNKNOWN_UNIT', 'Din arbejdskonto hører til en afdeling, som arbejdsbænken ikke kender. Kontakt Digital Udvikling, så de kan oprette afdelingen.', 403, 'unknown_unit'),
  missing: (reason: string) =>
    new SsoRefusal('SSO_MISSING_CLAIMS', 'Din arbejdskonto sendte ikke de oplysninger, arbejdsbænken skal bruge (e-mail, grupper eller afdeling). Kontakt IT-support.', 403, reason),
  disabled: () =>
    new SsoRefusal('ACCOUNT_DISABLED', 'Din konto er deaktiveret. Kontakt Digital Udvikling, hvis du skal have adgang igen.', 403, 'deactivated'),
  emailTaken: () =>
    new SsoRefusal('SSO_INVALID', 'En anden arbejdskonto er allerede knyttet til din e-mailadresse i arbejdsbænken. Kontakt Digital Udvikling.', 403, 'email_bound_elsewhere'),
};

/** A path on this site only: "/kørsler?x=1", never "//evil.example" or "https://…". */
export function localPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || /\p{Cc}/u.test(value)) return '/';
  return value;
}

/** The highest role any of the person's groups maps to, or null. */
export function roleFromGroups(groups: readonly string[], roleGroups: ReadonlyMap<string, RoleName>): RoleName | null {
  let best = -1;
  for (const g of groups) {
    const role = roleGroups.get(g);
    if (role) best = Math.max(best, ROLE_ORDER.indexOf(role));
  }
  return best < 0 ? null : ROLE_ORDER[best]!;
}

const asStrings = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : undefined;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface OidcSignIn {
  /** Where to send the browser, and the cookie value that binds the sign-in to it. */
  begin(returnTo: string): Promise<{ url: string; browser: string }>;
  /** Validates the provider's answer and starts a session; throws SsoRefusal otherwise. */
  complete(query: URLSearchParams, browser: string | undefined): Promise<{ token: string; expiresAt: Date; returnTo: string }>;
  /** The provider's RP-initiated logout address, when it advertises one. */
  endSessionUrl(): Promise<string | null>;
}

export function createOidcSignIn(deps: Deps, config: OidcConfig): OidcSignIn {
  const ctx: SignInContext = {
    deps,
    config,
    configuration: keptDiscovery(deps, config),
    refuse: (refusal, userId = null) => refuseSignIn(deps, refusal, userId),
  };
  return {
    begin: (returnTo) => beginSignIn(ctx, returnTo),
    complete: (query, browser) => completeSignIn(ctx, query, browser),
    async endSessionUrl() {
      const conf = await ctx.configuration().catch(() => null);
      if (!conf?.serverMetadata().end_session_endpoint) return null;
      return oidc.buildEndSessionUrl(conf, { post_logout_redirect_uri: config.postLogoutRedirectUri }).href;
    },
  };
}

/** What each step of a sign-in needs: the provider's configuration, and how to refuse (audited). */
interface SignInContext {
  deps: Deps;
  config: OidcConfig;
  configuration: () => Promise<oidc.Configuration>;
  refuse: (refusal: SsoRefusal, userId?: string | null) => Promise<never>;
}

/** Discovery once, kept; a failure is not kept, so the next attempt asks the provider again. */
function keptDiscovery(deps: Deps, config: OidcConfig): () => Promise<oidc.Configuration> {
  const insecure = new URL(config.issuer).protocol === 'http:';
  let discovered: Promise<oidc.Configuration> | undefined;
  return () => {
    discovered ??= oidc
      .discovery(new URL(config.issuer), config.clientId, config.clientSecret, undefined, {
        ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
        timeout: 10,
      })
      .catch((err: unknown) => {
        discovered = undefined;
        deps.logger.warn({ err: errorName(err) }, 'oidc: discovery failed');
        throw refusals.unavailable();
      });
    return discovered;
  };
}

async function refuseSignIn(deps: Deps, refusal: SsoRefusal, userId: string | null): Promise<never> {
  await recordAuditAlone(deps.db, deps.provider, {
    actor: null,
    action: 'auth.sso_refused',
    resourceType: 'user',
    resourceId: userId,
    details: { reason: refusal.reason },
  });
  throw refusal;
}

/** Stores the sign-in in flight (state, nonce, PKCE verifier, browser binding) and builds the provider's address. */
async function beginSignIn({ deps, config, configuration }: SignInContext, returnTo: string): Promise<{ url: string; browser: string }> {
  const conf = await configuration();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const browser = randomBytes(32).toString('base64url');
  const now = deps.now();
  await deps.db.oidcLogin.deleteMany({ where: { expiresAt: { lte: now } } });
  await deps.db.oidcLogin.create({
    data: { id: sha256(state), browser: sha256(browser), nonce, codeVerifier, returnTo: localPath(returnTo), expiresAt: new Date(now.getTime() + LOGIN_TTL_MS) },
  });
  const url = oidc.buildAuthorizationUrl(conf, {
    redirect_uri: config.redirectUri,
    scope: 'openid profile email',
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url: url.href, browser };
}

type Tokens = Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;

/** The provider's answer: the sign-in in flight taken, the code exchanged, the claims read, the account signed in. */
async function completeSignIn(
  ctx: SignInContext,
  query: URLSearchParams,
  browser: string | undefined,
): Promise<{ token: string; expiresAt: Date; returnTo: string }> {
  const { deps, config, refuse } = ctx;
  const { state, row } = await takeSignInInFlight(ctx, query, browser);
  const conf = await ctx.configuration();
  const tokens = await exchangeCode(ctx, conf, query, state, row);
  const idClaims = tokens.claims();
  if (!idClaims) return refuse(refusals.invalid('id_token_missing'));
  const claims = await claimsWithUserInfo(ctx, conf, tokens, idClaims);
  // Entra ID sends a reference instead of the groups when a person is in more than 200 ("groups overage").
  const claimNames = claims._claim_names as Record<string, unknown> | undefined;
  if (claims[config.groupsClaim] === undefined && claimNames && config.groupsClaim in claimNames) return refuse(refusals.missing('groups_overage'));

  const { existing, subject, email, name, role, unitId } = await accountFromClaims(ctx, claims, idClaims.sub);
  const user = existing
    ? await updateFromProvider(deps, existing, { subject, role, unitId })
    : await createFromProvider(deps, { subject, email, name, role, unitId });
  const session = await startSession(deps, { id: user.id, role, unitId }, { action: 'auth.sso_login', details: { newUser: !existing } });
  return { ...session, returnTo: row.returnTo };
}

/** The sign-in this callback answers, deleted as it is taken, and only for the browser that started it. */
async function takeSignInInFlight(
  { deps, refuse }: SignInContext,
  query: URLSearchParams,
  browser: string | undefined,
): Promise<{ state: string; row: OidcLogin }> {
  const state = query.get('state');
  if (!state) return refuse(refusals.invalid('state_missing'));
  // Used once: whoever deletes the row owns the sign-in; a second callback with the same state finds nothing.
  const row = await deps.db.oidcLogin.findUnique({ where: { id: sha256(state) } });
  const { count } = await deps.db.oidcLogin.deleteMany({ where: { id: sha256(state) } });
  if (!row || count !== 1 || row.expiresAt.getTime() <= deps.now().getTime()) return refuse(refusals.used());
  if (!browser || sha256(browser) !== row.browser) return refuse(refusals.invalid('browser_mismatch'));
  if (query.get('error')) return refuse(refusals.cancelled());
  return { state, row };
}

/** The authorization code for tokens, with the PKCE verifier, state and nonce checked by openid-client. */
async function exchangeCode(
  { deps, config, refuse }: SignInContext,
  conf: oidc.Configuration,
  query: URLSearchParams,
  state: string,
  row: OidcLogin,
): Promise<Tokens> {
  const current = new URL(config.redirectUri);
  current.search = query.toString();
  try {
    return await oidc.authorizationCodeGrant(conf, current, {
      pkceCodeVerifier: row.codeVerifier,
      expectedState: state,
      expectedNonce: row.nonce,
      idTokenExpected: true,
    });
  } catch (err) {
    deps.logger.warn({ err: errorName(err) }, 'oidc: the code exchange or the ID token was refused');
    return refuse(isNetworkError(err) ? refusals.unavailable() : refusals.invalid('token_invalid'));
  }
}

/**
 * Some providers put groups or the department only in the userinfo answer (Keycloak without mappers on the
 * ID token); ask there when the ID token lacks them.
 */
async function claimsWithUserInfo(
  { deps, config }: SignInContext,
  conf: oidc.Configuration,
  tokens: Tokens,
  idClaims: oidc.IDToken,
): Promise<Record<string, unknown>> {
  let claims: Record<string, unknown> = { ...idClaims };
  const lacks = () => claims[config.groupsClaim] === undefined || claims[config.unitClaim] === undefined || (!claims.email && !claims.preferred_username);
  if (lacks() && conf.serverMetadata().userinfo_endpoint) {
    try {
      claims = { ...(await oidc.fetchUserInfo(conf, tokens.access_token, idClaims.sub)), ...claims };
    } catch (err) {
      deps.logger.warn({ err: errorName(err) }, 'oidc: userinfo failed');
    }
  }
  return claims;
}

/** The account the claims sign in to, with its role and unit; refused when the claims do not give a usable one. */
async function accountFromClaims({ deps, config, refuse }: SignInContext, claims: Record<string, unknown>, sub: string) {
  const groups = asStrings(claims[config.groupsClaim]) ?? [];
  const role = roleFromGroups(groups, config.roleGroups);
  const emailClaim = [claims.email, claims.preferred_username].find((v): v is string => typeof v === 'string' && EMAIL.test(v.trim()));
  const unitCode = asStrings(claims[config.unitClaim])?.[0]?.trim();
  const subject = `${config.issuer} ${sub}`;
  const existing = await findAccountForSso(deps.db, subject, emailClaim ? emailClaim.trim().toLowerCase() : null);
  if (existing && !existing.active) return refuse(refusals.disabled(), existing.id);
  if (existing?.oidcSubject && existing.oidcSubject !== subject) return refuse(refusals.emailTaken(), existing.id);
  if (!emailClaim) return refuse(refusals.missing('email_missing'), existing?.id ?? null);
  if (!role) return refuse(refusals.noRole(), existing?.id ?? null);
  if (!unitCode) return refuse(refusals.missing('unit_missing'), existing?.id ?? null);
  const unitId = await unitIdByCode(deps.db, unitCode);
  if (!unitId) return refuse(refusals.unknownUnit(), existing?.id ?? null);

  const email = emailClaim.trim().toLowerCase();
  const name = nameOf(claims) ?? email;
  return { existing, subject, email, name, role, unitId };
}

function nameOf(claims: Record<string, unknown>): string | null {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : null);
  const given = text(claims.given_name);
  const family = text(claims.family_name);
  return text(claims.name) ?? (given || family ? [given, family].filter(Boolean).join(' ') : null);
}

/** A person's first sign-in: created with the role and unit the provider gives, and a password nobody knows. */
async function createFromProvider(
  deps: Deps,
  p: { subject: string; email: string; name: string; role: RoleName; unitId: string },
): Promise<{ id: string }> {
  const passwordHash = await hashPassword(randomBytes(32).toString('base64url'), deps.config.argon2);
  return deps.db.$transaction(async (tx) => {
    const user = await createSsoAccount(tx, { email: p.email, name: p.name, role: p.role, unitId: p.unitId, passwordHash, oidcSubject: p.subject });
    await recordAudit(tx, deps.provider, {
      actor: { id: user.id, role: p.role },
      action: 'user.created',
      resourceType: 'user',
      resourceId: user.id,
      unitId: p.unitId,
      details: { role: p.role, via: 'sso' },
    });
    return user;
  });
}

/** A later sign-in: the provider's groups and unit win over what was stored; each change is audited. */
async function updateFromProvider(
  deps: Deps,
  current: { id: string; role: RoleName; unitId: string; oidcSubject: string | null },
  p: { subject: string; role: RoleName; unitId: string },
): Promise<{ id: string }> {
  const changed = [...(current.role !== p.role ? ['role'] : []), ...(current.unitId !== p.unitId ? ['unitId'] : [])];
  const linking = current.oidcSubject === null;
  if (!changed.length && !linking) return current;
  await deps.db.$transaction(async (tx) => {
    await updateSsoAccount(tx, current.id, { role: p.role, unitId: p.unitId, oidcSubject: p.subject });
    if (linking) {
      await recordAudit(tx, deps.provider, {
        actor: { id: current.id, role: p.role },
        action: 'auth.sso_linked',
        resourceType: 'user',
        resourceId: current.id,
        unitId: p.unitId,
      });
    }
    if (changed.length) {
      await recordAudit(tx, deps.provider, {
        actor: null,
        action: 'user.updated',
        resourceType: 'user',
        resourceId: current.id,
        unitId: p.unitId,
        details: {
          changed,
          via: 'sso',
          ...(changed.includes('role') ? { fromRole: current.role, toRole: p.role } : {}),
          ...(changed.includes('unitId') ? { fromUnitId: current.unitId, toUnitId: p.unitId } : {}),
        },
      });
    }
  });
  return current;
}

const errorName = (err: unknown) => (err instanceof Error ? `${err.name}: ${(err as { code?: string }).code ?? ''}` : 'unknown');
const isNetworkError = (err: unknown) =>
  err instanceof TypeError || (err instanceof Error && /ECONNREFUSED|ETIMEDOUT|ENOTFOUND|fetch failed|aborted|timeout/i.test(`${err.message} ${(err as { code?: string }).code ?? ''}`));
