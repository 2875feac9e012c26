// The configuration rules, checked with plain objects instead of the real environment.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig as loadConfigOnly } from '../src/config.js';
import { requiredEnv } from './required-env.js';

/** loadConfig with the settings that have no default (see required-env.ts) already present. */
function loadConfig(env: Record<string, string | undefined>) {
  return loadConfigOnly({ ...requiredEnv, ...env });
}

describe('loadConfig', () => {
  it('gives development defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      isProduction: false,
      port: 3000,
      host: '127.0.0.1',
      mongodbUri: undefined,
      logLevel: 'info',
      corsOrigin: '*',
    });
  });

  it('reads and converts the values it is given', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      HOST: '0.0.0.0',
      MONGODB_URI: 'mongodb://db.internal:27017/app',
      LOG_LEVEL: 'warn',
      CORS_ORIGIN: 'http://localhost:5173, https://example.com',
    });
    expect(config).toMatchObject({
      isProduction: true,
      port: 8080,
      host: '0.0.0.0',
      mongodbUri: 'mongodb://db.internal:27017/app',
      logLevel: 'warn',
      corsOrigin: ['http://localhost:5173', 'https://example.com'],
    });
  });

  it('refuses to start in production without MONGODB_URI', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /MONGODB_URI: is required when NODE_ENV=production/,
    );
  });

  it('treats an empty value (`MONGODB_URI=` in .env) as not set', () => {
    expect(loadConfig({ MONGODB_URI: '', PORT: '' })).toMatchObject({
      mongodbUri: undefined,
      port: 3000,
    });
    expect(() => loadConfig({ NODE_ENV: 'production', MONGODB_URI: '' })).toThrow(/MONGODB_URI/);
  });

  it('names every invalid variable in one message', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'eighty', MONGODB_URI: 'localhost:27017', NODE_ENV: 'staging' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid configuration/);
    expect(message).toMatch(/- PORT: must be a whole number from 0 to 65535/);
    expect(message).toMatch(/- MONGODB_URI: must start with mongodb:\/\/ or mongodb\+srv:\/\//);
    expect(message).toMatch(/- NODE_ENV:/);
  });

  it('refuses ports outside 0–65535', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '-1' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '3000.5' })).toThrow(/PORT/);
  });

  it('keeps tests quiet unless LOG_LEVEL says otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('silent');
    expect(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
