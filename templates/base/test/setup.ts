// Runs in each test file before its tests. Test files run in parallel workers, so each worker
// of each run gets its own database (`test_<run>_1`, `test_<run>_2`, …): tests in different
// files, or in another run against the same server, never see each other's data. Within a file,
// every test starts from empty collections.
import mongoose from 'mongoose';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';

beforeAll(async () => {
  await mongoose.connect(inject('mongodbUri'), {
    dbName: `test_${inject('runId')}_${process.env.VITEST_POOL_ID ?? '0'}`,
    serverSelectionTimeoutMS: 10_000,
  });
  // Build the indexes the schemas declare before the first test, as the server does at startup:
  // a unique rule must hold from the first request, not once a background build has finished.
  // (Not `model.init()`: it runs once per process, and an earlier test file in this worker may
  // have dropped the database since.)
  await Promise.all(Object.values(mongoose.models).map((model) => model.createIndexes()));
});

afterEach(async () => {
  const collections = Object.values(mongoose.connection.collections);
  await Promise.all(collections.map((collection) => collection.deleteMany({})));
});

afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
});
