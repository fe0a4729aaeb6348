import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

/**
 * A real OpenID provider for the tests: the certified `oidc-provider` on loopback, with one confidential client
 * (the workbench) and test accounts whose groups and department a test may change between sign-ins. The login
 * page is the provider's own interaction, kept small (any account id in `accounts`, the password "test") so that
 * it loads nothing from other hosts; consent is granted for the workbench, as a tenant's admin consent would.
 */

export interface IdpAccount {
  email?: string;
  name?: string;
  groups?: string[];
  department?: string;
  /** Extra claims, e.g. Entra ID's groups overage (`_claim_names`). */
  extra?: Record<string, unknown>;
}

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, IdpAccount>;
  /** Environment for the workbench that points at this provider. */
  env(publicUrl: string, more?: Record<string, string>): Record<string, string>;
  stop(): Promise<void>;
}

export const IDP_PASSWORD = 'test';
const ROLE_GROUPS = 'ai-digital=DIGITAL_UNIT,ai-ledere=LEADER,ai-medarbejdere=EMPLOYEE';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startTestIdp(): Promise<TestIdp> {
  const accounts = new Map<string, IdpAccount>();
  const clientId = 'arbejdsbaenk';
  const clientSecret = 'test-client-secret-0123456789abcdef';
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const configuration = (publicUrl: string): Configuration => ({
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${publicUrl}/api/auth/oidc/callback`],
        post_logout_redirect_uris: [`${publicUrl}/log-ind`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub', 'groups', 'department', '_claim_names'], email: ['email', 'email_verified'], profile: ['name'] },
    // The groups and the department in the ID token, as Entra ID and a Keycloak mapper put them.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    cookies: { keys: ['test-cookie-key-0123456789abcdef'] },
    jwks: { keys: [{ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test', alg: 'RS256', use: 'sig' }] },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            ...(account.email ? { email: account.email, email_verified: true } : {}),
            ...(account.name ? { name: account.name } : {}),
            ...(account.groups ? { groups: account.groups } : {}),
            ...(account.department ? { department: account.department } : {}),
            ...account.extra,
          };
        },
      };
    },
    async loadExistingGrant(ctx) {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId || !ctx.oidc.client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  });
  // Made when the workbench's address is known (env()), since the client's redirect URI names it.
  let provider: Provider | undefined;

  server.on('request', (req, res) => {
    if (!provider) {
      res.writeHead(503).end();
      return;
    }
    const url = new URL(req.url ?? '/', issuer);
    const interaction = /^\/interaction\/([^/]+)$/.exec(url.pathname);
    if (!interaction) return provider.callback()(req, res);
    const idp = provider;
    void (async () => {
      try {
        const details = await idp.interactionDetails(req, res);
        if (req.method === 'GET') {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(`<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Testorganisationens log ind</title></head>
<body><h1>Testorganisationens log ind</h1>
<form method="post" action="/interaction/${escape(details.uid)}">
<label for="login">Brugernavn</label> <input id="login" name="login" autocomplete="username" required>
<label for="password">Adgangskode</label> <input id="password" name="password" type="password" required>
<button type="submit">Log ind</button></form></body></html>`);
          return;
        }
        const body = new URLSearchParams(await readBody(req));
        const login = body.get('login') ?? '';
        const result =
          accounts.has(login) && body.get('password') === IDP_PASSWORD
            ? { login: { accountId: login } }
            : { error: 'access_denied', error_description: 'wrong login' };
        await idp.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
      } catch (err) {
        res.writeHead(400, { 'content-type': 'text/plain' });
        res.end(String(err));
      }
    })();
  });

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    env(publicUrl, more = {}) {
      provider ??= new Provider(issuer, configuration(publicUrl));
      return {
        OIDC_ISSUER: issuer,
        OIDC_CLIENT_ID: clientId,
        OIDC_CLIENT_SECRET: clientSecret,
        PUBLIC_URL: publicUrl,
        OIDC_ROLE_GROUPS: ROLE_GROUPS,
        ...more,
      };
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
