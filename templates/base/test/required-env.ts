// Settings this app refuses to start without, even in development and tests (they have no safe
// default). The test run sets them in vitest.config.ts; tests that build an environment by hand
// (config.test.ts, server.test.ts) add them too. Nothing is required yet at this stage.
export const requiredEnv: Record<string, string> = {};
