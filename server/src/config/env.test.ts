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
});
