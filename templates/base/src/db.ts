// Connecting to MongoDB. server.ts awaits `connectDatabase()` before it accepts requests, and
// calls the function it returns when shutting down.
import mongoose from 'mongoose';
import { config } from './config.js';
import { logger } from './logger.js';

export type CloseDatabase = () => Promise<void>;

/**
 * The longest a query waits for a database that does not answer, at each step where it can
 * wait: Mongoose holding it while disconnected (`bufferTimeoutMS`), the driver choosing a server
 * (`serverSelectionTimeoutMS`) and opening a connection (`connectTimeoutMS`). The defaults are
 * 10, 30 and 30 s, and a retried read can meet two of them: a client would wait 20 s or more
 * for its 503, longer than many give an API before they give up and call it a hang. After a
 * few seconds of silence the database is down, and the honest answer is 503 with Retry-After
 * (src/http/errors.ts). Raise it for a database far away (another region), not for slow queries:
 * a query that runs long on a server that answers is not cut off by it.
 */
export const DATABASE_WAIT_MS = 5_000;

let closing = false;

export async function connectDatabase(): Promise<CloseDatabase> {
  // After the first connection, the driver reconnects by itself; these say when it has to.
  mongoose.connection.on('disconnected', () => {
    if (closing) logger.info('MongoDB connection closed');
    else logger.warn('MongoDB disconnected; retrying');
  });
  mongoose.connection.on('error', (error) => logger.error({ err: error }, 'MongoDB error'));
  mongoose.set('bufferTimeoutMS', DATABASE_WAIT_MS);
  const waits = { serverSelectionTimeoutMS: DATABASE_WAIT_MS, connectTimeoutMS: DATABASE_WAIT_MS };

  if (config.mongodbUri) {
    // Also how long startup waits for an unreachable server before it gives up.
    await mongoose.connect(config.mongodbUri, waits);
    // Never log the URI itself: it can hold a password.
    const { host, port, name } = mongoose.connection;
    logger.info({ host, port, db: name }, 'Connected to MongoDB');
    await syncIndexes();
    return async () => {
      closing = true;
      await mongoose.disconnect();
    };
  }

  // config.ts already refuses production without MONGODB_URI; this guards against that rule
  // being removed, because data written here is gone when the process stops.
  if (config.isProduction) throw new Error('MONGODB_URI is required in production');

  // Imported only here: the package is a devDependency, absent from a production install.
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  logger.warn(
    'MONGODB_URI is not set: starting an in-memory MongoDB for development. Its data is lost ' +
      'when the server stops. The first start downloads a MongoDB binary (about 100 MB). Set ' +
      'MONGODB_URI in .env to use your own database.',
  );
  const mongod = await MongoMemoryServer.create().catch((error: unknown) => {
    throw new Error(
      'Could not start the in-memory MongoDB (it downloads MongoDB on first use, which needs ' +
        'internet access and a supported system). Set MONGODB_URI in .env to a MongoDB server.',
      { cause: error },
    );
  });
  await mongoose.connect(mongod.getUri(), { ...waits, dbName: 'development' });
  logger.info({ uri: mongod.getUri() }, 'Connected to the in-memory MongoDB');
  await syncIndexes();
  return async () => {
    closing = true;
    await mongoose.disconnect();
    await mongod.stop();
  };
}

/**
 * Makes the indexes in MongoDB match the ones the schemas declare (`schema.index(…)`,
 * `unique: true`), before the first request: creates the missing ones and drops those no schema
 * declares any more. Only outside production: there, building an index on a big collection is
 * slow and dropping one is a decision, so it is done on purpose (a migration), not by a deploy.
 * (Mongoose's autoIndex still creates missing indexes in the background everywhere.)
 */
export async function syncIndexes(): Promise<void> {
  if (config.isProduction) return;
  const models = Object.values(mongoose.models);
  await Promise.all(models.map((model) => model.syncIndexes()));
  logger.info({ models: models.map((model) => model.modelName) }, 'Indexes in sync');
}

/**
 * True for a string that can be a MongoDB ObjectId (24 hex digits). Check ids from URLs with it
 * before querying: `findById('abc')` throws a CastError, which is the client's mistake (a 404),
 * not a server failure (a 500).
 */
export function isObjectId(value: string): boolean {
  return /^[0-9a-f]{24}$/i.test(value);
}
