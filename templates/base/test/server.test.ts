// Runs src/server.ts as a real process, the way `npm run dev` does, to check what importing the
// app cannot: the startup order, the refusal of a bad configuration and a clean shutdown.
// The child gets a small, explicit environment, so what it does depends on nothing else.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { requiredEnv } from './required-env.js';

const projectDir = fileURLToPath(new URL('..', import.meta.url));

interface LogLine {
  msg?: string;
  port?: number;
}

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: projectDir,
    env: { ...requiredEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  // 'close' comes after the output streams are drained, so `logs` is complete by then.
  const exitCode = new Promise<number | null>((resolve) => {
    child.once('close', (code) => resolve(code));
  });
  const listening = new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      let entry: LogLine;
      try {
        entry = JSON.parse(line) as LogLine;
      } catch {
        return; // not a log line
      }
      logs.push(entry);
      if (entry.msg?.startsWith('Listening') && entry.port !== undefined) resolve(entry.port);
    });
    child.once('close', () => reject(new Error(`server exited before listening:\n${stderr}`)));
  });
  // Startup tests that expect a failure never await this one.
  listening.catch(() => {});
  return { child, logs, exitCode, listening, stderr: () => stderr };
}

describe.skipIf(process.platform === 'win32')('the server process', () => {
  it('connects to the database before it listens, and exits with 0 on SIGTERM', async () => {
    const server = startServer({
      NODE_ENV: 'production',
      PORT: '0',
      MONGODB_URI: inject('mongodbUri'),
      LOG_LEVEL: 'info',
      // Production names the web pages allowed to call it (later stages refuse `*` there).
      CORS_ORIGIN: 'http://localhost:3000',
    });
    const port = await server.listening;

    const res = await fetch(`http://127.0.0.1:${port}/health`);
    expect(res.status).toBe(200);

    server.child.kill('SIGTERM');
    expect(await server.exitCode).toBe(0);
    const messages = server.logs.map((entry) => entry.msg ?? '');
    const connectedAt = messages.indexOf('Connected to MongoDB');
    const listeningAt = messages.findIndex((message) => message.startsWith('Listening'));
    expect(connectedAt).toBeGreaterThanOrEqual(0);
    expect(connectedAt).toBeLessThan(listeningAt);
    expect(messages.at(-1)).toBe('Shutdown complete');
  }, 30_000);

  it('refuses to start in production without MONGODB_URI, and says why', async () => {
    const server = startServer({ NODE_ENV: 'production', PORT: '0' });
    expect(await server.exitCode).toBe(1);
    expect(server.stderr()).toContain('MONGODB_URI: is required when NODE_ENV=production');
  }, 30_000);
});
