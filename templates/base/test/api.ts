// The app on a real port for the whole test file: `const api = useApi()`, then
// `await api().get('/health')`.
//
// Why not `request(createApp())`? That starts a new server on a new random port for every
// request, and this API writes absolute URLs (with the port) into its answers: two answers about
// the same item would then disagree about its URL.
import { once } from 'node:events';
import type { Server } from 'node:http';
import request from 'supertest';
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../src/app.js';

export function useApi(): () => ReturnType<typeof request> {
  let server: Server | undefined;

  beforeAll(async () => {
    server = createApp().listen(0, '127.0.0.1');
    await once(server, 'listening');
  });

  afterAll(async () => {
    const running = server;
    if (!running) return;
    await new Promise<void>((resolve, reject) => {
      running.close((error) => (error ? reject(error) : resolve()));
    });
  });

  return () => {
    if (!server) throw new Error('useApi(): call api() inside a test, not at the top level');
    return request(server);
  };
}

/** The path of an absolute URL from an answer (`Location`, `url`): what supertest requests. */
export function pathOf(url: string): string {
  return new URL(url).pathname;
}
