// Guards for mistake:insecure-secrets: no secret without JWT_SECRET, .env never committed,
// credentials never in a log line. Tokens signed with JWT_SECRET only: secrets-tokens.test.ts
// (a file of its own, so an idea with its own token claims gives its own version).
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { redact } from '../src/logger.js';
import { requiredEnv } from './required-env.js';

describe('secrets', () => {
  it('refuses to start without JWT_SECRET, or with a short one', () => {
    expect(() => loadConfig({})).toThrow(/JWT_SECRET: is required/);
    expect(() => loadConfig({ JWT_SECRET: '' })).toThrow(/JWT_SECRET: is required/);
    expect(() => loadConfig({ JWT_SECRET: 'secret' })).toThrow(/JWT_SECRET: must be at least 32/);
    // The other required settings (an idea may add its own) are present; only JWT_SECRET varies.
    expect(loadConfig({ ...requiredEnv, JWT_SECRET: 'x'.repeat(32) }).jwtSecret).toBe(
      'x'.repeat(32),
    );
  });

  it('keeps .env out of git', () => {
    const ignored = readFileSync(new URL('../.gitignore', import.meta.url), 'utf8')
      .split('\n')
      .map((line) => line.trim());
    expect(ignored).toContain('.env');
    expect(ignored).not.toContain('!.env');
  });

  it('redacts Authorization, cookies and passwords from logs', () => {
    let output = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        output += chunk.toString();
        done();
      },
    });
    const log = pino({ redact }, sink);
    log.info({
      req: { headers: { authorization: 'Bearer eyJ.secret.token', cookie: 'sid=secret-cookie' } },
      body: { email: 'ann@example.com', password: 'hunter2-password' },
      password: 'top-level-password',
    });
    expect(output).toContain('ann@example.com');
    for (const secret of ['eyJ.secret.token', 'secret-cookie', 'hunter2', 'top-level-password']) {
      expect(output).not.toContain(secret);
    }
  });
});
