// A redis-server of the tests' own (redis-memory-server), on a free port. It runs the binary
// named by REDISMS_SYSTEM_BINARY, else a `redis-server` found on the PATH (apt, brew), else
// builds one on first use.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { RedisMemoryServer } from 'redis-memory-server';

function installedRedisServer(): string | undefined {
  // eslint-disable-next-line no-restricted-properties -- where to find a program, not a setting
  const { REDISMS_SYSTEM_BINARY, PATH = '' } = process.env;
  if (REDISMS_SYSTEM_BINARY) return REDISMS_SYSTEM_BINARY;
  return PATH.split(delimiter)
    .map((dir) => join(dir, 'redis-server'))
    .find((file) => existsSync(file));
}

export async function startRedisServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const systemBinary = installedRedisServer();
  const server = await RedisMemoryServer.create(systemBinary ? { binary: { systemBinary } } : {});
  return {
    url: `redis://${await server.getHost()}:${await server.getPort()}`,
    stop: async () => {
      await server.stop();
    },
  };
}
