import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.js';

describe('configuration', () => {
  it('runs on the embedded defaults with no environment at all', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toMatch(/^file:\/.*data\/workbench\.db$/);
    expect(c.port).toBe(3000);
    expect(c.demoSeed).toBe(true);
    expect(c.cookieSecure).toBe(false);
  });

  it('names every wrong field at once', () => {
    try {
      loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).issues.join('\n')).toMatch(/PORT/);
      expect((e as ConfigError).issues.join('\n')).toMatch(/LOG_LEVEL/);
    }
  });

  it('in production, requires a session secret and uses secure cookies without demo users', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
    const c = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) });
    expect(c.cookieSecure).toBe(true);
    expect(c.demoSeed).toBe(false);
  });

  it('keeps PostgreSQL URLs as they are', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://wb@db:5432/wb' }).databaseUrl).toBe('postgresql://wb@db:5432/wb');
  });

  describe('TRUST_PROXY', () => {
    it('trusts no proxy by default', () => {
      expect(loadConfig({}).trustProxy).toBe(false);
      expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
      expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    });

    it('takes a hop count or a list of proxy addresses and networks', () => {
      expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
      expect(loadConfig({ TRUST_PROXY: ' 10.0.0.5, 10.1.0.0/16 ,loopback,::1,fd00::/8' }).trustProxy).toEqual([
        '10.0.0.5',
        '10.1.0.0/16',
        'loopback',
        '::1',
        'fd00::/8',
      ]);
    });

    it('refuses "true", which would let every client choose its own address, and says what to write instead', () => {
      try {
        loadConfig({ TRUST_PROXY: 'true' });
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        const text = (e as ConfigError).issues.join('\n');
        expect(text).toMatch(/TRUST_PROXY: .*X-Forwarded-For/);
        expect(text).toMatch(/TRUST_PROXY=1/);
        expect(text).toMatch(/10\.0\.0\.5/);
      }
    });

    it('refuses what is neither a hop count nor an address', () => {
      for (const v of ['yes', '-1', '1.5', '10.0.0.0/33', 'proxy.example', '10.0.0.5,,']) {
        expect(() => loadConfig({ TRUST_PROXY: v }), v).toThrow(/TRUST_PROXY/);
      }
    });
  });

  describe('the model provider', () => {
    it('is the offline engine by default, with a 60 s timeout and 2 retries', () => {
      expect(loadConfig({}).ai).toEqual({ provider: 'offline', timeoutMs: 60_000, maxRetries: 2, transcriptionTimeoutMs: 600_000, contextTokens: 8192 });
    });

    it('takes the structured-output mode and the context window from AI_STRUCTURED_OUTPUT and AI_CONTEXT_TOKENS, and refuses others', () => {
      const local = { AI_PROVIDER: 'openai-compatible', OPENAI_BASE_URL: 'http://localhost:11434/v1', AI_MODEL: 'llama3.1:8b' };
      expect(loadConfig({ ...local, AI_STRUCTURED_OUTPUT: 'json_schema', AI_CONTEXT_TOKENS: '32768' }).ai).toMatchObject({ structuredOutput: 'json_schema', contextTokens: 32_768 });
      expect(loadConfig(local).ai).not.toHaveProperty('structuredOutput');
      expect(() => loadConfig({ ...local, AI_STRUCTURED_OUTPUT: 'grammar' })).toThrow(/AI_STRUCTURED_OUTPUT/);
      expect(() => loadConfig({ ...local, AI_CONTEXT_TOKENS: '100' })).toThrow(/AI_CONTEXT_TOKENS/);
    });

    it.each([
      ['openai', {}, ['OPENAI_API_KEY', 'AI_MODEL']],
      ['openai-compatible', {}, ['OPENAI_BASE_URL', 'AI_MODEL']],
      ['azure-openai', {}, ['AZURE_OPENAI_ENDPOINT', 'AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_DEPLOYMENT']],
    ])('AI_PROVIDER=%s without what it needs names every missing field', (provider, extra, fields) => {
      try {
        loadConfig({ AI_PROVIDER: provider, ...extra });
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        const text = (e as ConfigError).issues.join('\n');
        for (const f of fields) expect(text).toMatch(new RegExp(`${f}: is required when AI_PROVIDER=${provider}`));
      }
    });

    it('refuses a base URL that is not http(s) and an unknown provider', () => {
      expect(() => loadConfig({ AI_PROVIDER: 'openai-compatible', OPENAI_BASE_URL: 'ftp://x', AI_MODEL: 'm' })).toThrow(/OPENAI_BASE_URL/);
      expect(() => loadConfig({ AI_PROVIDER: 'gemini' })).toThrow(/AI_PROVIDER/);
    });

    it('openai-compatible needs no key; azure names the model after the deployment unless AI_MODEL says otherwise', () => {
      expect(loadConfig({ AI_PROVIDER: 'openai-compatible', OPENAI_BASE_URL: 'http://localhost:11434/v1', AI_MODEL: 'llama3.1:8b' }).ai).toEqual({
        provider: 'openai-compatible',
        baseUrl: 'http://localhost:11434/v1',
        model: 'llama3.1:8b',
        timeoutMs: 60_000,
        maxRetries: 2,
        transcriptionTimeoutMs: 600_000,
        contextTokens: 8192,
      });
      const azure = { AI_PROVIDER: 'azure-openai', AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com', AZURE_OPENAI_API_KEY: 'k', AZURE_OPENAI_DEPLOYMENT: 'prod-4o' };
      expect(loadConfig(azure).ai).toMatchObject({ model: 'prod-4o', deployment: 'prod-4o', apiVersion: '2024-10-21' });
      expect(loadConfig({ ...azure, AI_MODEL: 'gpt-4o' }).ai).toMatchObject({ model: 'gpt-4o', deployment: 'prod-4o' });
    });
  });
});

describe('sign-in through the identity provider (OIDC)', () => {
  const oidc = {
    OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0',
    OIDC_CLIENT_ID: 'client',
    OIDC_CLIENT_SECRET: 'secret',
    PUBLIC_URL: 'https://ai.kommune.dk/',
    OIDC_ROLE_GROUPS: 'ai-digital=DIGITAL_UNIT, 6f1c2a9e-0b7d-4e8f-9a3c-2d5e7f1a4b6c=leader,ai-medarbejdere=EMPLOYEE',
  };
  const issues = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return [];
    } catch (e) {
      return (e as ConfigError).issues;
    }
  };

  it('is off without an issuer, with password sign-in on', () => {
    const c = loadConfig({});
    expect(c.oidc).toBeUndefined();
    expect(c.passwordLogin).toBe(true);
  });

  it('derives the redirect URI from PUBLIC_URL and maps groups (names or object ids) to roles', () => {
    const c = loadConfig(oidc);
    expect(c.oidc).toMatchObject({ redirectUri: 'https://ai.kommune.dk/api/auth/oidc/callback', postLogoutRedirectUri: 'https://ai.kommune.dk/log-ind', groupsClaim: 'groups', unitClaim: 'department', buttonLabel: 'Log ind med din arbejdskonto' });
    expect([...c.oidc!.roleGroups]).toEqual([
      ['ai-digital', 'DIGITAL_UNIT'],
      ['6f1c2a9e-0b7d-4e8f-9a3c-2d5e7f1a4b6c', 'LEADER'],
      ['ai-medarbejdere', 'EMPLOYEE'],
    ]);
  });

  it('names what an issuer needs, refuses plain http except on this machine, and a role that does not exist', () => {
    expect(issues({ OIDC_ISSUER: 'https://idp.kommune.dk' })).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^OIDC_CLIENT_ID: is required/),
        expect.stringMatching(/^OIDC_CLIENT_SECRET: is required/),
        expect.stringMatching(/^PUBLIC_URL: is required/),
        expect.stringMatching(/^OIDC_ROLE_GROUPS: is required/),
      ]),
    );
    expect(issues({ ...oidc, OIDC_ISSUER: 'http://idp.kommune.dk' })).toEqual([expect.stringMatching(/^OIDC_ISSUER: must be https/)]);
    expect(issues({ ...oidc, OIDC_ISSUER: 'http://127.0.0.1:8080/realms/test' })).toEqual([]);
    expect(issues({ ...oidc, OIDC_ROLE_GROUPS: 'ai-chefer=BOSS' })).toEqual([expect.stringMatching(/^OIDC_ROLE_GROUPS: "ai-chefer=BOSS" is not group=ROLE/)]);
  });

  it('PASSWORD_LOGIN=false needs an identity provider, or nobody could sign in', () => {
    expect(issues({ PASSWORD_LOGIN: 'false' })).toEqual([expect.stringMatching(/^PASSWORD_LOGIN: false needs OIDC_ISSUER/)]);
    expect(loadConfig({ ...oidc, PASSWORD_LOGIN: 'false', BREAK_GLASS_EMAIL: 'Noedadgang@Kommune.dk' })).toMatchObject({ passwordLogin: false, breakGlassEmail: 'noedadgang@kommune.dk' });
  });
});
