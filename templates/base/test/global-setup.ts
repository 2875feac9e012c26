// Runs once before all test files: decides which MongoDB server the tests talk to and hands its
// URI to every worker (read with `inject('mongodbUri')` in test/setup.ts).
//
// - MONGODB_URI set (CI, or your own local server): use it. Each worker gets its own database on
//   it, so your development data is never touched.
// - Not set: start an in-memory MongoDB (mongodb-memory-server), the same way `npm run dev` does.
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    mongodbUri: string;
    /** Unique to this run: two runs against one server (two terminals, CI jobs) never meet. */
    runId: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  project.provide('runId', `${Date.now().toString(36)}${process.pid.toString(36)}`);
  const fromEnvironment = process.env.MONGODB_URI;
  if (fromEnvironment) {
    project.provide('mongodbUri', fromEnvironment);
    return async () => {};
  }
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  const mongod = await MongoMemoryServer.create().catch((error: unknown) => {
    throw new Error(
      'Could not start an in-memory MongoDB for the tests (it downloads MongoDB on first use). ' +
        'Run them against a server instead: MONGODB_URI=mongodb://127.0.0.1:27017 npm test',
      { cause: error },
    );
  });
  project.provide('mongodbUri', mongod.getUri());
  return async () => {
    await mongod.stop();
  };
}
