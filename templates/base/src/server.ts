// The process: connect to the database (src/connections.ts), then accept HTTP requests, then
// shut down cleanly when asked to. The app itself (routes, middleware) lives in app.ts, so tests can use it without
// starting this process.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { config } from './config.js';
import { openConnections } from './connections.js';
import { logger } from './logger.js';
import { attachRealtime } from './realtime.js';

/** How long requests in flight get to finish after SIGTERM before the process gives up. */
const SHUTDOWN_GRACE_MS = 10_000;

async function start(): Promise<void> {
  // exercise:start unhandled-async
  // TODO(mistake:unhandled-async): the tempting version is `openConnections();` without
  // `await`, then `listen()` straight away, and `process.on('SIGTERM', async () => …)`. The
  // server then answers before the database is there, a failed connection becomes an
  // unhandled rejection that kills the process later with a confusing trace, and an error
  // during shutdown disappears. Await every promise or hand it to `.then(ok, fail)` on
  // purpose. `npm run lint` fails on floating and misused promises
  // (@typescript-eslint/no-floating-promises, no-misused-promises); `npm test -- server`
  // starts this file and checks the order and the clean exit.
  const closeConnections = await openConnections();
  // exercise:else
  // // TODO(mistake:unhandled-async): Exercise: nobody waits for the database here. `void`
  // // silences the lint rule that would catch it (@typescript-eslint/no-floating-promises), so
  // // `listen()` runs before MongoDB is connected and the first requests fail; a connection that
  // // never comes becomes an unhandled rejection that kills the process later, far from its
  // // cause. Await `openConnections()` before the server is created, so a failure reaches the
  // // `catch` at the bottom of this file. `npm run exercises` checks it (exercises/server.test.ts:
  // // connected before listening, a clean exit on SIGTERM).
  // let closeConnections = () => Promise.resolve();
  // void openConnections().then((close) => {
  //   closeConnections = close;
  // });
  // exercise:end

  const server = createServer(createApp());
  // Real-time connections (if this project has any) share the HTTP server and its port.
  const closeRealtime = attachRealtime(server);
  // TODO(mistake:hardcoded-config): `server.listen(3000)` is the classic: the next project on
  // the same machine, a container platform or a classmate's laptop needs another port. The
  // port and the interface come from config (PORT, HOST); `npm run lint` rejects literals here.
  server.listen(config.port, config.host);
  // `listen` reports success or failure (port in use) through events; wait for the outcome.
  await once(server, 'listening');
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  logger.info({ address, port }, `Listening on http://${host}:${port}`);

  let stopping = false;
  async function shutdown(signal: NodeJS.Signals): Promise<void> {
    if (stopping) return; // already on it
    stopping = true;
    logger.info({ signal }, 'Shutting down: finishing requests in flight');
    // If something hangs, do not wait forever. `unref` keeps this timer from being the thing
    // that holds the process open when everything else closed.
    setTimeout(() => {
      logger.error('Shutdown took too long; exiting anyway');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();

    // 1. Stop accepting connections and wait for the open requests to complete. Open
    // real-time connections never finish by themselves, so close those first.
    await closeRealtime();
    const closed = new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
    });
    server.closeIdleConnections();
    await closed;
    // 2. Only then close the database (and any other connection): those requests may still
    // have needed it.
    await closeConnections();
    logger.info('Shutdown complete');
  }

  // Ctrl+C sends SIGINT; `docker stop`, Kubernetes and most hosts send SIGTERM. `on`, not
  // `once`: the same Ctrl+C often arrives twice (from the terminal, and relayed by `tsx watch`
  // or npm), and a second signal without a listener would kill the process mid-shutdown.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      shutdown(signal).then(
        // Nothing is left open, so the process ends by itself; make the exit code explicit.
        () => {
          process.exitCode = 0;
        },
        (error: unknown) => {
          logger.fatal({ err: error }, 'Shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}

try {
  await start();
} catch (error) {
  // Could not connect or could not listen: say why and stop, rather than limp along.
  logger.fatal({ err: error }, 'Startup failed');
  process.exit(1);
}
